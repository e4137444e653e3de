package org.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.vocab.Parley;

/**
 * One dynamic test per query in queries/: it parses, runs on the real knowledge base, and its
 * answers are checked against queries/tests/NAME.tsv, written from reading the five reports (the
 * sentence that justifies each expected row is quoted beside it; the format is in
 * queries/tests/README.md). A query file without its expectations fails, so no question goes untested.
 */
class QueryLibraryTest {

    private static final Path QUERIES = Path.of("queries");
    private static final Path EXPECTED = QUERIES.resolve("tests");

    private static LoadedKnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBaseLoader.load(Path.of("."));
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @TestFactory
    Stream<DynamicTest> everyQueryParsesRunsAndAnswersAsTheReportsSay() {
        return QueryLibrary.entries(QUERIES).stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
            Query query = QueryFactory.create(entry.text());
            assertFalse(entry.question().isBlank(), entry.fileName() + " has no question in its header");
            assertTrue(query.hasOrderBy() || !query.isSelectType(), entry.fileName() + " ends in ORDER BY for stable output");
            if (entry.isFederated()) {
                return; // needs a remote endpoint: run against a second local one in org.parley.link
            }
            Path expected = EXPECTED.resolve(entry.name() + ".tsv");
            assertTrue(Files.isRegularFile(expected), "no expected answers written for " + entry.fileName()
                    + ": write " + expected + " from reading the reports");
            for (QueryExpectations.Case run : QueryExpectations.read(expected)) {
                List<Map<String, String>> rows = select(query, run.parameters());
                for (QueryExpectations.Check check : run.checks()) {
                    try {
                        check.rule().check(rows, CONTEXT);
                    } catch (AssertionError e) {
                        throw new AssertionError(expected + ":" + check.line() + " (" + run.parameters() + "): "
                                + e.getMessage(), e);
                    }
                }
            }
        }));
    }

    /**
     * A query that picks a page's rows before reading them (QueryParameters.pagedPart) must give,
     * page after page, exactly its whole answer: pages of 2 rows on the five reports, each
     * parameter case of its expectations and unbound.
     */
    @TestFactory
    Stream<DynamicTest> pagesOfAQueryPagedInsideMakeItsWholeAnswer() {
        return QueryLibrary.entries(QUERIES).stream()
                .filter(entry -> !entry.isFederated())
                .filter(entry -> {
                    Query query = QueryFactory.create(entry.text());
                    return QueryParameters.pagedPart(query) != query;
                })
                .map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
                    Query query = QueryFactory.create(entry.text());
                    List<Map<String, String>> cases = new java.util.ArrayList<>();
                    cases.add(Map.of());
                    for (QueryExpectations.Case run : QueryExpectations.read(EXPECTED.resolve(entry.name() + ".tsv"))) {
                        cases.add(run.parameters());
                    }
                    for (Map<String, String> parameters : cases) {
                        List<Map<String, String>> whole = select(query, parameters);
                        assertTrue(whole.size() > 2, entry.name() + " " + parameters + " has more than one page");
                        List<Map<String, String>> paged = new java.util.ArrayList<>();
                        for (int offset = 0; offset <= whole.size(); offset += 2) {
                            Map<String, String> page = new LinkedHashMap<>(parameters);
                            page.put("limit", "2");
                            page.put("offset", Integer.toString(offset));
                            List<Map<String, String>> rows = select(query, page);
                            assertTrue(rows.size() <= 2, entry.name() + " " + page + " gives " + rows.size() + " rows");
                            paged.addAll(rows);
                        }
                        assertEquals(whole, paged, entry.name() + " " + parameters + ": its pages, one after the other");
                    }
                }));
    }

    @Test
    void everyExpectationHasItsQuery() throws Exception {
        Set<String> names = QueryLibrary.entries(QUERIES).stream().map(QueryLibrary.Entry::name).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(EXPECTED)) {
            List<String> expected = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".tsv"))
                    .map(f -> f.substring(0, f.length() - ".tsv".length())).toList();
            assertEquals(names.size() - 1, expected.size(), "one file per query but the federated one");
            for (String name : expected) {
                assertTrue(names.contains(name), "queries/" + name + ".rq is missing");
                assertFalse(QueryExpectations.read(EXPECTED.resolve(name + ".tsv")).isEmpty(), name + ".tsv checks nothing");
            }
        }
    }

    @Test
    void readmeListsEveryQueryWithItsHeaderQuestion() throws Exception {
        String expected = QueryLibrary.readme(QueryLibrary.entries(QUERIES));
        String actual = Files.readString(QUERIES.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(expected, actual, "queries/README.md has drifted from the query headers: regenerate it with "
                + "java -cp target/parley.jar org.parley.query.QueryLibrary queries > queries/README.md");
    }

    @Test
    void parametersAreReadFromTheHeader() {
        assertEquals(List.of("partyName"), QueryLibrary.parameters("# Q\n#\n# Parameter: ?partyName, e.g. Hamas\nSELECT * {}"));
        assertEquals(List.of(), QueryLibrary.parameters("# Q: which ?x\nSELECT * {}"));
        assertEquals("Who?", QueryLibrary.question("# Question: Who?\n#\n# more\nSELECT * {}"));
    }

    // -- Helpers -----------------------------------------------------------------------------------

    private static List<Map<String, String>> select(Query unpaged, Map<String, String> parameters) {
        // limit and offset page the rows, as on the command line; the others are strings.
        Query query;
        try {
            query = QueryParameters.page(parameters, unpaged);
        } catch (QueryException badPage) {
            throw new AssertionError(badPage.getMessage(), badPage);
        }
        Map<String, String> strings = new LinkedHashMap<>(parameters);
        strings.keySet().removeAll(QueryParameters.PAGING);
        return SelectRows.select(kb.datasetGraph(), query, strings);
    }

    private static final Map<String, String> REPORT_TEXTS = new HashMap<>();

    /** What the expectation files may ask besides the rows. */
    private static final QueryExpectations.Context CONTEXT = new QueryExpectations.Context() {
        @Override
        public String reportText(String article) {
            return QueryLibraryTest.reportText(article);
        }

        @Override
        public long instances(String prefixedClass) {
            List<Map<String, String>> rows = select(QueryFactory.create("PREFIX parley: <" + Parley.NS + ">\n"
                    + "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a " + prefixedClass + " }"), Map.of());
            return Long.parseLong(rows.get(0).get("n"));
        }
    };

    private static String reportText(String article) {
        return REPORT_TEXTS.computeIfAbsent(article, id -> {
            try {
                return Files.readString(Path.of("data/reports", id + ".txt"), StandardCharsets.UTF_8);
            } catch (Exception unreadable) {
                throw new AssertionError("no report " + id, unreadable);
            }
        });
    }
}
