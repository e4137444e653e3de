package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.apache.jena.sparql.modify.UsingList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link QueryGuard} on its own: lengths, parse errors, and SERVICE wherever it hides. */
class QueryGuardTest {

    private static final String REMOTE = "SERVICE <http://example.org/sparql> { ?s ?p ?o }";
    private final QueryGuard guard = new QueryGuard(ServeOptions.DEFAULT_MAX_QUERY_BYTES, List.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * { " + REMOTE + " }",
        "SELECT * { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o FILTER EXISTS { " + REMOTE + " } }",
        "SELECT * { ?s ?p ?o FILTER NOT EXISTS { " + REMOTE + " } }",
        "SELECT * { ?s ?p ?o OPTIONAL { ?s ?q ?r FILTER NOT EXISTS { " + REMOTE + " } } }",
        "SELECT * { { ?s ?p ?o } MINUS { " + REMOTE + " } }",
        "SELECT ?s (EXISTS { " + REMOTE + " } AS ?e) { ?s ?p ?o }",
        "SELECT * { ?s ?p ?o BIND (NOT EXISTS { " + REMOTE + " } AS ?e) }",
        "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { " + REMOTE + " })",
        "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { " + REMOTE + " }) LIMIT 3",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (EXISTS { " + REMOTE + " })",
        "SELECT (SUM(IF(EXISTS { " + REMOTE + " }, 1, 0)) AS ?n) { ?s ?p ?o }",
        "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (EXISTS { " + REMOTE + " })",
        "SELECT * { { SELECT * { " + REMOTE + " } } }",
        "SELECT * { VALUES ?x { 1 } FILTER (?x IN (1, 2) && NOT EXISTS { SELECT * { " + REMOTE + " } }) }",
        "ASK { " + REMOTE + " }",
        "ASK { FILTER EXISTS { " + REMOTE + " } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { " + REMOTE + " }",
        "CONSTRUCT { ?s ?p ?o } WHERE { FILTER EXISTS { " + REMOTE + " } }",
        "DESCRIBE ?s WHERE { " + REMOTE + " }",
        "DESCRIBE ?s WHERE { ?s ?p ?o FILTER (EXISTS { " + REMOTE + " } || true) }",
        "SELECT * { ?s <p:a>/<p:b>* ?o FILTER EXISTS { GRAPH ?g { " + REMOTE + " } } }",
        "SELECT * { GRAPH ?g { " + REMOTE + " } }",
        "SELECT * { " + REMOTE + " SERVICE <http://127.0.0.1:3031/allowed> { ?s ?p ?o } }",
    })
    void serviceAnywhereIsRefusedBeforeItRuns(String query) {
        QueryGuard.Refusal refusal = assertThrows(QueryGuard.Refusal.class,
                () -> new QueryGuard(ServeOptions.DEFAULT_MAX_QUERY_BYTES, List.of("http://127.0.0.1:3031/allowed")).query(query));
        assertEquals(422, refusal.status());
        assertTrue(refusal.getMessage().contains("--allow-service"), refusal.getMessage());
    }

    @Test
    void allowedEndpointsPass() {
        QueryGuard allowing = new QueryGuard(ServeOptions.DEFAULT_MAX_QUERY_BYTES, List.of("http://127.0.0.1:3031/allowed"));
        assertDoesNotThrow(() -> allowing.query("SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:3031/allowed> { ?s ?p ?o } } }"));
        // A variable endpoint is known only at run time, where ServiceAllowList checks each value.
        assertDoesNotThrow(() -> allowing.query("SELECT * { VALUES ?e { <http://127.0.0.1:3031/allowed> } SERVICE ?e { ?s ?p ?o } }"));
        // With nothing allowed, a variable endpoint is refused at once.
        assertEquals(422, assertThrows(QueryGuard.Refusal.class,
                () -> guard.query("SELECT * { VALUES ?e { <http://x/> } SERVICE ?e { ?s ?p ?o } }")).status());
    }

    @Test
    void queriesWithoutServicePass() {
        assertDoesNotThrow(() -> guard.query("SELECT * { ?s ?p ?o FILTER EXISTS { ?s a ?t } } ORDER BY (EXISTS { ?s ?q ?r })"));
        assertDoesNotThrow(() -> guard.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s"));
    }

    @Test
    void tooLongIs413NamingTheLimit() {
        String query = "SELECT * { BIND (\"" + "x".repeat(ServeOptions.DEFAULT_MAX_QUERY_BYTES) + "\" AS ?x) }";
        QueryGuard.Refusal refusal = assertThrows(QueryGuard.Refusal.class, () -> guard.query(query));
        assertEquals(413, refusal.status());
        assertTrue(refusal.getMessage().contains("--max-query-bytes"), refusal.getMessage());
        assertTrue(refusal.getMessage().length() < 200, refusal.getMessage());
        // Bytes, not characters: 50,000 three-byte characters are 150,000 bytes.
        assertEquals(413, assertThrows(QueryGuard.Refusal.class,
                () -> guard.query("ASK { FILTER (\"" + "\u20ac".repeat(50_000) + "\" != \"\") }")).status());
    }

    @Test
    void garbageIs400WithAShortMessageThatDoesNotEchoTheInput() {
        Random random = new Random(9);
        StringBuilder garbage = new StringBuilder();
        while (garbage.length() < 100_000) {
            garbage.append((char) ('!' + random.nextInt(90)));
        }
        QueryGuard.Refusal refusal = assertThrows(QueryGuard.Refusal.class, () -> guard.query(garbage.toString()));
        assertEquals(400, refusal.status());
        assertTrue(refusal.getMessage().startsWith("The query is not valid SPARQL"), refusal.getMessage());
        assertTrue(refusal.getMessage().length() < 400, refusal.getMessage().length() + " characters");
    }

    @Test
    void aLongTokenInTheErrorIsCut() {
        String query = "SELECT * { ?s ?p \"" + "a".repeat(5000);
        QueryGuard.Refusal refusal = assertThrows(QueryGuard.Refusal.class, () -> guard.query(query));
        assertEquals(400, refusal.getMessage().contains("aaaa") ? 400 : -1);
        assertFalse(refusal.getMessage().contains("a".repeat(QueryGuard.MAX_MESSAGE_INPUT + 1)), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("characters)"), "says that it was cut: " + refusal.getMessage());
    }

    /**
     * Whether about 6,700 patterns in one group overflow a 256 KiB stack depends on what the JIT
     * has compiled by then (compiled frames are smaller): seen both ways in `mvn -B verify`. So
     * that query may parse (it is valid SPARQL); refused, it must say why. 40,000 nested groups
     * overflow any such stack, compiled or not: that one must be refused, and said plainly.
     */
    @Test
    void tooManyPatternsInOneGroupIs400SayingWhyNotStackOverflow() {
        StringBuilder manyPatterns = new StringBuilder("SELECT * {");
        for (int i = 0; manyPatterns.length() < 120_000; i++) {
            manyPatterns.append(" ?s <p:p> ?o").append(i).append(" .");
        }
        manyPatterns.append(" }");
        String deeplyNested = "SELECT * " + "{".repeat(40_000) + "}".repeat(40_000);

        Throwable many = parseOnSmallStack(manyPatterns.toString());
        if (many != null) {
            assertTooDeep(many);
        }
        Throwable nested = parseOnSmallStack(deeplyNested);
        assertTooDeep(nested);
    }

    /** What guard.query threw on a thread with a small stack, as a server thread might have; null if nothing. */
    private Throwable parseOnSmallStack(String query) {
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                guard.query(query);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        assertDoesNotThrow(() -> thread.join());
        return thrown[0];
    }

    private static void assertTooDeep(Throwable thrown) {
        QueryGuard.Refusal refusal = assertThrows(QueryGuard.Refusal.class, () -> {
            throw thrown == null ? new AssertionError("parsed without running out of stack") : thrown;
        });
        assertEquals(400, refusal.status());
        assertTrue(refusal.getMessage().contains("too deeply nested or has too many patterns"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains("StackOverflow"), refusal.getMessage());
    }

    @Test
    void updatesAreParsedWithinTheSameLimits() {
        assertEquals(400, assertThrows(QueryGuard.Refusal.class,
                () -> guard.update("INSERT DATA { <a> <b> ", new UsingList())).status());
        assertEquals(413, assertThrows(QueryGuard.Refusal.class,
                () -> guard.update("INSERT DATA { <a> <b> \"" + "x".repeat(200_000) + "\" }", new UsingList())).status());
        assertDoesNotThrow(() -> guard.update("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> 1 } }", new UsingList()));
    }
}
