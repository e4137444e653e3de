package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.query.QueryLibrary;

/**
 * A bounded load test: the real knowledge base served by a real {@link ParleyServer} on loopback,
 * loaded by 1, 8 and 32 concurrent clients, each level a fixed, seeded list of requests mixing
 * every library query, queries slow on purpose that must time out, malformed queries, updates the
 * read-only server refuses, and oversized queries.
 *
 * <p>What it asserts, none of it a speed: each request gets exactly the status its kind calls for
 * (so no 5xx but the intended 503s, and those only for the slow queries); every body is a complete
 * document of its declared type (results read to the end by Jena's readers, with as many rows as
 * the same query has in-process; errors short plain text); nothing shows a stack trace; the server
 * answers afterwards; the heap in use after garbage collection stays under {@link #HEAP_BOUND}.
 * The figures (requests, statuses, p50/p99 latency, heap) are printed in one block for
 * docs/reliability.md.
 *
 * <p>Timing out is certain, not luck: a slow query sleeps 100 ms on each of 100 rows
 * ({@link TestFunctions#SLEEP}), so it cannot end in less than 10 s, and it asks for a 1 s
 * timeout ({@code timeout=1}, which a client may lower but not raise). The server's own timeout
 * stays generous, so that no library query can time out because the machine is busy.
 */
class LoadTest {

    private static final long SEED = 20261125L;
    /** Concurrency and number of requests of each level. */
    private static final int[][] LEVELS = {{1, 60}, {8, 160}, {32, 320}};
    /** The server's own timeout: a hang guard for the library queries, never reached by them. */
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(60);
    /** A resource bound, not a timing: the heap held after collection, server and test together. */
    private static final long HEAP_BOUND = 1024L * 1024 * 1024;

    private static final String SLOW = "SELECT ?i ?slept { VALUES ?i { "
            + IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(" "))
            + " } BIND (<" + TestFunctions.SLEEP + ">(100) AS ?slept) }";

    private static final List<String> RESULT_TYPES = List.of("application/sparql-results+json",
            "application/sparql-results+xml", "text/csv", "text/tab-separated-values");

    private static final List<String> MALFORMED = List.of(
            "SELECT * WHERE { ?s ?p ?o ",
            "SELEKT * { ?s ?p ?o }",
            "SELECT * { ?s ?p ?o } LIMIT ten",
            "PREFIX p: <https://w3id.org/parley/ontology#> SELECT * { ?s q:party ?o }",
            "SELECT ?x { ?s ?p \"unterminated }",
            "SELECT * { ?s ?p ?o FILTER( }",
            "ASK { <no closing bracket ?p ?o }",
            "}}}}{{{{");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static LoadedKnowledgeBase kb;
    private static ParleyServer server;
    private static List<QueryLibrary.Entry> library;
    /** Rows of each library query run in-process: what each answer over HTTP must hold. */
    private static final Map<String, Long> expectedRows = new HashMap<>();

    enum Kind { LIBRARY, SLOW, MALFORMED, UPDATE, OVERSIZED }

    /** One request of the mix, with the status it must get. */
    record Planned(Kind kind, String label, HttpRequest request, int expectedStatus, Long expectedRows) {
    }

    record Outcome(Planned planned, int status, String contentType, byte[] body, long nanos, int retries) {
    }

    @BeforeAll
    static void startServer() throws Exception {
        TestFunctions.register();
        kb = KnowledgeBaseLoader.load(Path.of(""));
        library = QueryLibrary.entries(Path.of("queries"));
        assertTrue(library.size() >= 10, "the query library is there: " + library.size());
        for (QueryLibrary.Entry entry : library) {
            if (!entry.isFederated()) {
                expectedRows.put(entry.name(), rowsInProcess(entry.text()));
            }
        }
        server = ParleyServer.start(kb.dataset(), ServeOptions.builder().host("127.0.0.1").port(0)
                .timeout(SERVER_TIMEOUT).queriesDir(Path.of("queries")).build());
    }

    @AfterAll
    static void stopServer() {
        TestServers.stop(server, kb);
    }

    private static long rowsInProcess(String query) {
        return Txn.calculateRead(kb.datasetGraph(), () -> {
            try (QueryExec exec = QueryExec.dataset(kb.datasetGraph()).query(QueryFactory.create(query)).build()) {
                RowSet rows = exec.select();
                long n = 0;
                for (; rows.hasNext(); rows.next()) {
                    n++;
                }
                return n;
            }
        });
    }

    @Test
    void mixedLoadAtOneEightAndThirtyTwoClients() throws Exception {
        List<String> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<Kind, Integer> sentByKind = new TreeMap<>();
        long peakUsed;
        long peakAfterGc;
        long collections;
        try (HeapWatch heap = new HeapWatch()) {
            for (int[] level : LEVELS) {
                int clients = level[0];
                List<Planned> plan = plan(new Random(SEED + clients), level[1]);
                plan.forEach(p -> sentByKind.merge(p.kind(), 1, Integer::sum));
                List<Outcome> outcomes = run(plan, clients);
                for (Outcome outcome : outcomes) {
                    String problem = check(outcome);
                    if (problem != null) {
                        failures.add("[" + clients + " clients] " + outcome.planned().label() + ": " + problem);
                    }
                }
                figures.add(figures(clients, outcomes));
            }
            peakUsed = heap.peakUsed();
            peakAfterGc = heap.peakAfterGc();
            collections = heap.collections();
        }

        // The server still answers, with the right answer.
        QueryLibrary.Entry first = library.stream().filter(e -> !e.isFederated()).findFirst().orElseThrow();
        Outcome after = send(new Planned(Kind.LIBRARY, first.name(), get(first.text(), "text/csv"), 200,
                expectedRows.get(first.name())));
        String afterProblem = check(after);

        long mb = 1024 * 1024;
        System.out.println(String.join("\n", List.of(
                "",
                "== Parley load test: real knowledge base, loopback, seed " + SEED + ", " + Runtime.getRuntime().availableProcessors()
                        + " cores, max heap " + HeapWatch.maxHeap() / mb + " MB ==",
                "mix sent: " + sentByKind + " (library = the " + library.size() + " queries of queries/, in JSON/XML/CSV/TSV)",
                "| clients | requests | by status | retries | p50 ms | p99 ms | max ms |",
                "|---|---|---|---|---|---|---|")));
        figures.forEach(System.out::println);
        System.out.println("peak heap used, from the JVM's per-pool peaks (garbage included, an upper bound): " + peakUsed / mb + " MB");
        System.out.println("peak heap in use after GC (" + collections + " collections): " + peakAfterGc / mb + " MB"
                + " (bound asserted: " + HEAP_BOUND / mb + " MB)");
        System.out.println("problems: " + failures.size() + (afterProblem == null ? "; server answers afterwards" : ""));
        System.out.println("==");

        assertTrue(failures.isEmpty(), failures.size() + " responses were wrong:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertNull(afterProblem, "the server answers after the load");
        assertTrue(peakAfterGc < HEAP_BOUND, "heap in use after GC peaked at " + peakAfterGc / mb + " MB");
        for (Kind kind : Kind.values()) {
            assertTrue(sentByKind.getOrDefault(kind, 0) > 0, "the mix has " + kind + " requests");
        }
    }

    /**
     * A seeded list of {@code count} requests: every library query and one request of each other
     * kind, then a random mix (half library queries), shuffled.
     */
    private static List<Planned> plan(Random random, int count) {
        List<Planned> plan = new ArrayList<>();
        for (QueryLibrary.Entry entry : library) {
            plan.add(libraryRequest(entry, random));
        }
        for (Kind kind : List.of(Kind.SLOW, Kind.MALFORMED, Kind.UPDATE, Kind.OVERSIZED)) {
            plan.add(planned(kind, random, plan.size()));
        }
        while (plan.size() < count) {
            int dice = random.nextInt(100);
            Kind kind = dice < 50 ? Kind.LIBRARY : dice < 56 ? Kind.SLOW : dice < 72 ? Kind.MALFORMED
                    : dice < 88 ? Kind.UPDATE : Kind.OVERSIZED;
            plan.add(planned(kind, random, plan.size()));
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    private static Planned planned(Kind kind, Random random, int number) {
        switch (kind) {
            case LIBRARY:
                return libraryRequest(library.get(random.nextInt(library.size())), random);
            case SLOW:
                return new Planned(Kind.SLOW, "slow query (timeout=1)",
                        request("?timeout=1&query=" + encode(SLOW), null, null, RESULT_TYPES.get(random.nextInt(4))), 503, null);
            case MALFORMED:
                String query = malformed(random);
                return new Planned(Kind.MALFORMED, "malformed: " + ResponseDocuments.excerpt(query).replace('\n', ' '),
                        random.nextBoolean() ? get(query, "application/sparql-results+json")
                                : request("", "application/sparql-query", query, "application/sparql-results+json"),
                        400, null);
            case UPDATE:
                return random.nextBoolean()
                        ? new Planned(Kind.UPDATE, "update to /parley/update", HttpRequest.newBuilder(URI.create(server.updateURL()))
                                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/sparql-update")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "INSERT DATA { <urn:x:s> <urn:x:p> \"load test " + number + "\" }"))
                                .build(), 405, null)
                        : new Planned(Kind.UPDATE, "update= form to /parley/sparql",
                                request("", "application/x-www-form-urlencoded",
                                        "update=" + encode("DELETE WHERE { ?s ?p ?o }"), null), 405, null);
            default:
                // Over the 128 KiB query limit, under the body limit: read, measured, refused.
                int size = ServeOptions.DEFAULT_MAX_QUERY_BYTES + 1 + random.nextInt(64 * 1024);
                String oversized = "SELECT * { ?s ?p \"" + "x".repeat(size) + "\" }";
                return new Planned(Kind.OVERSIZED, "oversized query (" + oversized.length() + " bytes)",
                        request("", "application/sparql-query", oversized, "application/sparql-results+json"), 413, null);
        }
    }

    private static Planned libraryRequest(QueryLibrary.Entry entry, Random random) {
        String accept = RESULT_TYPES.get(random.nextInt(RESULT_TYPES.size()));
        HttpRequest request = switch (random.nextInt(3)) {
            case 0 -> get(entry.text(), accept);
            case 1 -> request("", "application/x-www-form-urlencoded", "query=" + encode(entry.text()), accept);
            default -> request("", "application/sparql-query", entry.text(), accept);
        };
        // A federated query is refused: SERVICE is off unless allowed.
        return entry.isFederated()
                ? new Planned(Kind.LIBRARY, entry.name(), request, 422, null)
                : new Planned(Kind.LIBRARY, entry.name(), request, 200, expectedRows.get(entry.name()));
    }

    /** A fixed malformed query, or a library query cut short where that leaves it invalid. */
    private static String malformed(Random random) {
        if (random.nextBoolean()) {
            return MALFORMED.get(random.nextInt(MALFORMED.size()));
        }
        String text = library.get(random.nextInt(library.size())).text();
        for (int attempt = 0; attempt < 20; attempt++) {
            String cut = text.substring(0, random.nextInt(text.length()));
            try {
                QueryFactory.create(cut, "http://localhost/", Syntax.syntaxARQ);
            } catch (QueryParseException invalid) {
                return cut;
            }
        }
        return MALFORMED.get(0);
    }

    private static HttpRequest get(String query, String accept) {
        return request("?query=" + encode(query), null, null, accept);
    }

    private static HttpRequest request(String queryString, String contentType, String body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.sparqlURL() + queryString))
                .timeout(Duration.ofSeconds(120));   // a hang guard only
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return b.build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Sends the plan from {@code clients} threads, each taking the next request until none is left. */
    private static List<Outcome> run(List<Planned> plan, int clients) throws Exception {
        Outcome[] outcomes = new Outcome[plan.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                        outcomes[i] = send(plan.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);   // a hang guard only
            }
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(outcomes);
    }

    /**
     * Sends one request. After an error response that left part of a request body unread, Jetty
     * closes the connection, and the client may already have picked that pooled connection for
     * the next request: such a request is sent once more, and counted.
     */
    private static Outcome send(Planned planned) {
        long start = System.nanoTime();
        int retries = 0;
        while (true) {
            try {
                HttpResponse<byte[]> r = HTTP.send(planned.request(), HttpResponse.BodyHandlers.ofByteArray());
                return new Outcome(planned, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                        r.body(), System.nanoTime() - start, retries);
            } catch (IOException e) {
                if (retries++ >= 2) {
                    return new Outcome(planned, -1, null, String.valueOf(e).getBytes(StandardCharsets.UTF_8),
                            System.nanoTime() - start, retries);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** What is wrong with a response, or null. */
    private static String check(Outcome o) {
        String body = new String(o.body(), StandardCharsets.UTF_8);
        if (o.status() != o.planned().expectedStatus()) {
            return "status " + o.status() + ", expected " + o.planned().expectedStatus() + ": " + ResponseDocuments.excerpt(body);
        }
        String internals = ResponseDocuments.internals(body);
        if (internals != null) {
            return "the body shows the server's insides: " + internals;
        }
        ResponseDocuments.Parsed parsed;
        try {
            parsed = ResponseDocuments.parse(o.contentType(), o.body());
        } catch (AssertionError e) {
            return e.getMessage();
        }
        if (o.status() == 200) {
            if (!RESULT_TYPES.contains(parsed.kind())) {
                return "a 200 answered as " + o.contentType();
            }
            Long rows = o.planned().expectedRows();
            if (rows != null && parsed.rows() != rows) {
                return parsed.rows() + " rows, in-process " + rows;
            }
        } else {
            String message = ResponseDocuments.errorMessageProblem(o.contentType(), body);
            if (message != null) {
                return message;
            }
            if (o.status() == 503 && !body.strip().equals("Query timed out")) {
                return "a 503 that is not the timeout: " + body;
            }
            if (o.status() == 405 && !body.contains("read-only")) {
                return "a refusal that does not say the server is read-only: " + body;
            }
        }
        return null;
    }

    /** One row of the figures table. */
    private static String figures(int clients, List<Outcome> outcomes) {
        Map<Integer, Long> byStatus = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        long[] millis = outcomes.stream().mapToLong(o -> TimeUnit.NANOSECONDS.toMillis(o.nanos())).sorted().toArray();
        int retries = outcomes.stream().mapToInt(Outcome::retries).sum();
        String statuses = byStatus.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return "| " + clients + " | " + outcomes.size() + " | " + statuses + " | " + retries + " | "
                + percentile(millis, 50) + " | " + percentile(millis, 99) + " | " + millis[millis.length - 1] + " |";
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
