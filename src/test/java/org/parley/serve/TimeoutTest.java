package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.jena.sparql.resultset.ResultsFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-query timeout and the answer cap. Nothing here measures the clock: where a query must
 * outlast the timeout it is made slow on purpose ({@link TestFunctions}), many times over, and
 * where a query must still be running while another is answered it is held until released.
 */
class TimeoutTest extends ServerTestBase {

    /** 2,000 triples: the three-way cartesian product below has 8e9 rows to count. */
    private static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    /** 100 rows at 100 ms each: ten seconds at the very least, on any machine. */
    private static final String SLOW_ROWS = "SELECT ?i ?slept { VALUES ?i { "
            + IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(" "))
            + " } BIND (<" + TestFunctions.SLEEP + ">(100) AS ?slept) }";

    @BeforeAll
    static void registerFunctions() {
        TestFunctions.register();
    }

    @Test
    void runawayQueryIsCancelledWith503AndTheServerGoesOn() {
        start(TestData.big(2000), ServeOptions.builder().timeout(Duration.ofSeconds(1)));
        HttpResponse<String> cancelled = query(RUNAWAY, "application/sparql-results+json");
        assertEquals(503, cancelled.statusCode(), cancelled.body());
        assertTrue(cancelled.body().contains("Query timed out"), cancelled.body());
        assertEquals(200, query("ASK {}", "application/sparql-results+json").statusCode());
    }

    @Test
    void otherQueriesAreAnsweredWhileOneRuns() throws Exception {
        TestFunctions.resetHold();
        start(TestData.big(2000), ServeOptions.builder().timeout(Duration.ofSeconds(60)));
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(
                () -> query("SELECT ?x { BIND (<" + TestFunctions.HOLD + ">() AS ?x) }", "text/csv"));
        try {
            assertTrue(TestFunctions.held.await(60, TimeUnit.SECONDS), "the held query never started");
            HttpResponse<String> quick = query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv");
            assertEquals(200, quick.statusCode());
            assertEquals(List.of("n", "2000"), quick.body().lines().toList());
            assertFalse(held.isDone(), "the first query is held until released, so it was still running");
        } finally {
            TestFunctions.release();
        }
        HttpResponse<String> released = held.get(60, TimeUnit.SECONDS);
        assertEquals(200, released.statusCode(), released.body());
        assertEquals(List.of("x", "true"), released.body().lines().toList());
    }

    /**
     * Rows are produced one by one, so the first rows exist long before the timeout; the client
     * still gets a clean 503, never a 200 with a document cut short.
     */
    @Test
    void queryTimingOutAfterItsFirstRowsIs503NotACutOffDocument() {
        start(TestData.big(10), ServeOptions.builder().timeout(Duration.ofSeconds(1)));
        for (String accept : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv")) {
            HttpResponse<String> r = query(SLOW_ROWS, accept);
            assertEquals(503, r.statusCode(), accept + ": " + r.body());
            assertEquals("Query timed out", r.body().strip(), accept);
        }
    }

    @Test
    void answerOverTheCapIs422WithAMessageAndNothingPartial() {
        start(TestData.big(2000), ServeOptions.builder().maxResultBytes(64 * 1024));
        HttpResponse<String> r = query("SELECT * { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(422, r.statusCode());
        assertTrue(contentType(r).startsWith("text/plain"), contentType(r));
        assertTrue(r.body().startsWith("Result too large") && r.body().contains("--max-result-bytes")
                && r.body().contains("LIMIT"), r.body());
        assertFalse(r.body().contains("\"bindings\""), "no part of the answer is sent");

        HttpResponse<String> small = query("SELECT * { ?s ?p ?o } LIMIT 10", "application/sparql-results+json");
        assertEquals(200, small.statusCode());
        assertEquals(small.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                Long.parseLong(small.headers().firstValue("Content-Length").orElse("-1")),
                "a complete answer is sent with its length");
        assertTrue(ResultsFormat.lookup("json") != null);
    }

    @Test
    void clientMayLowerTheTimeoutButNotRaiseIt() {
        start(TestData.big(10), ServeOptions.builder().timeout(Duration.ofSeconds(1)));
        // SLOW_ROWS needs ten seconds: asking for sixty does not get them.
        HttpResponse<String> longer = get(server.sparqlURL() + "?timeout=60&query=" + encode(SLOW_ROWS), "text/csv");
        assertEquals(503, longer.statusCode(), longer.body());

        stopServer();
        start(TestData.big(10), ServeOptions.builder().timeout(Duration.ofSeconds(60)));
        // The server would wait sixty seconds; the client asks for one.
        HttpResponse<String> shorter = get(server.sparqlURL() + "?timeout=1&query=" + encode(SLOW_ROWS), "text/csv");
        assertEquals(503, shorter.statusCode(), shorter.body());
    }
}
