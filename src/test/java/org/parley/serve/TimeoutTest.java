package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A runaway query is cancelled by the per-query timeout and answered 503 "Query timed out"
 * (the cancellation comes before the first result row, so the status can still say so), while
 * the server keeps answering other queries. A query cancelled after rows have been sent can only
 * stop: the client has status 200 and a truncated body.
 */
class TimeoutTest extends ServerTestBase {

    /** 2,000 triples: the three-way cartesian product below has 8e9 rows to count. */
    private static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @Test
    void runawayQueryIsCancelledWhileOthersAreAnswered() throws Exception {
        start(TestData.big(2000), ServeOptions.builder().timeout(Duration.ofSeconds(2)));
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> runaway =
                CompletableFuture.supplyAsync(() -> query(RUNAWAY, "application/sparql-results+json"));

        // While it runs, a small query is answered promptly.
        Thread.sleep(300);
        assertTrue(!runaway.isDone(), "the runaway query should still be running");
        long t1 = System.nanoTime();
        HttpResponse<String> quick = query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv");
        assertEquals(200, quick.statusCode());
        assertEquals(List.of("n", "2000"), quick.body().lines().toList());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1) < 1500, "second query was slow");

        HttpResponse<String> cancelled = runaway.get(30, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(503, cancelled.statusCode(), cancelled.body());
        assertTrue(cancelled.body().contains("Query timed out"), cancelled.body());
        assertTrue(millis >= 1900 && millis < 15000, "cancelled after " + millis + " ms");

        // And the server is still fine afterwards.
        assertEquals(200, query("ASK {}", "application/sparql-results+json").statusCode());
    }

    @Test
    void queryCancelledWhileStreamingEndsEarlyWithStatus200() throws Exception {
        start(TestData.big(2000), ServeOptions.builder().timeout(Duration.ofSeconds(2)));
        // Rows come at once (4 million of them), so the status line has gone out before the
        // timeout: the client sees 200 and a body cut short, not a complete result.
        String streaming = "SELECT * { ?a ?b ?c . ?d ?e ?f }";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.sparqlURL() + "?query=" + encode(streaming)))
                .header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        byte[] tail = new byte[0];
        long total = 0;
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                tail = Arrays.copyOfRange(buffer, Math.max(0, n - 200), n);
            }
        } catch (IOException e) {
            // The server may also end the connection abruptly: truncated either way.
        }
        String end = new String(tail, StandardCharsets.UTF_8).strip();
        assertTrue(total > 0, "some rows were sent");
        assertFalse(end.endsWith("}") && end.replaceAll("\\s", "").endsWith("]}}"),
                "results should be truncated, but end: " + end);
    }

    @Test
    void clientMayAskForAShorterTimeoutButNotALongerOne() {
        start(TestData.big(2000), ServeOptions.builder().timeout(Duration.ofSeconds(4)));
        // Fuseki's ?timeout= is in whole seconds and can only lower the server's limit.
        long t0 = System.nanoTime();
        HttpResponse<String> shorter = get(server.sparqlURL() + "?timeout=1&query=" + encode(RUNAWAY), "text/csv");
        long shorterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(503, shorter.statusCode());
        assertTrue(shorterMillis < 3000, "?timeout=1 not honoured: " + shorterMillis + " ms");

        long t1 = System.nanoTime();
        HttpResponse<String> longer = get(server.sparqlURL() + "?timeout=60&query=" + encode(RUNAWAY), "text/csv");
        long longerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
        assertEquals(503, longer.statusCode());
        assertTrue(longerMillis >= 3900 && longerMillis < 20000, "server limit not enforced: " + longerMillis + " ms");
    }
}
