package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.serve.ParleyServer;

import picocli.CommandLine;

/** {@code parley serve} end to end on the real project: start on port 0, ping, query, stop; and its errors. */
class ServeCommandTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A command run with captured output. */
    private record Run(ServeCommand command, CommandLine cli, StringWriter out, StringWriter err) {
        static Run of() {
            ServeCommand command = new ServeCommand();
            CommandLine cli = new CommandLine(command);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return new Run(command, cli, out, err);
        }

        int execute(String... args) {
            return cli.execute(args);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Starts {@code serve} in a thread, waits until it has printed its ready banner (not merely
     * until it answers: the banner is what the checks read), runs {@code check}, stops it. The
     * three-minute bound only turns a hang into a failure; nothing here depends on speed.
     */
    private static void serveAndCheck(Run run, ServerCheck check, String... args) throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run.execute(args));
        Optional<ParleyServer> ready = run.command().whenReady().get(180, TimeUnit.SECONDS);
        assertTrue(ready.isPresent(), "serve did not start: " + run.err() + run.out()
                + (exit.isDone() ? " exit " + exit.get() : ""));
        ParleyServer server = ready.get();
        try {
            assertEquals(200, get(server.serverURL() + "$/ping").statusCode());
            check.check(server);
        } finally {
            run.command().stop();
        }
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), run.err().toString());
    }

    @FunctionalInterface
    private interface ServerCheck {
        void check(ParleyServer server) throws Exception;
    }

    @Test
    void servesTheProjectOnAFreePortAndStops() throws Exception {
        Run run = Run.of();
        serveAndCheck(run, server -> {
            String out = run.out().toString();
            assertTrue(server.port() > 0);
            assertTrue(out.contains("SPARQL endpoint:       http://127.0.0.1:" + server.port() + "/parley/sparql"), out);
            assertTrue(out.contains("Web UI (query editor): http://127.0.0.1:" + server.port() + "/sparql/#/dataset/parley/query"), out);
            assertTrue(out.contains("Query library:         http://127.0.0.1:" + server.port() + "/queries"), out);
            assertTrue(out.contains("SPARQL Update:         off (read-only)"), out);
            HttpResponse<String> r = get(server.sparqlURL() + "?query="
                    + java.net.URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/parley/ontology#Position> }",
                            java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode());
            long positions = Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip());
            assertTrue(positions > 0, "no positions served: " + r.body());
            HttpResponse<String> library = get(server.queriesURL());
            assertTrue(library.body().contains("positions.rq"), library.body());
            HttpResponse<String> voidDescription = get(server.serverURL() + ".well-known/void");
            assertEquals(200, voidDescription.statusCode());
            assertTrue(voidDescription.body().contains("<" + server.sparqlURL() + ">"), voidDescription.body());
            assertTrue(voidDescription.body().contains("https://w3id.org/parley/kb"), voidDescription.body());
        }, "--port", "0", "--root", PROJECT.toString());
    }

    @Test
    void servesATdb2DatabaseWithTheUnionAsDefaultGraph(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(PROJECT, db);
        Run run = Run.of();
        serveAndCheck(run, server -> {
            assertTrue(run.out().toString().contains("opened " + db), run.out().toString());
            String count = "SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/parley/ontology#Position> }";
            HttpResponse<String> r = get(server.sparqlURL() + "?query="
                    + java.net.URLEncoder.encode(count, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode());
            assertTrue(Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip()) > 0, r.body());
        }, "--port", "0", "--db", db.toString(), "--root", PROJECT.toString());
    }

    @Test
    void allowUpdateWithAPasswordFileSaysWhoMayWrite(@TempDir Path dir) throws Exception {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "admin: s3cret\n");
        Run run = Run.of();
        serveAndCheck(run, server -> {
            String out = run.out().toString();
            assertTrue(out.contains("SPARQL Update:         " + server.updateURL() + " (HTTP basic auth: admin)"), out);
            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(server.updateURL()))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
        }, "--port", "0", "--root", PROJECT.toString(), "--allow-update", "--password-file", passwords.toString(),
           "--timeout", "5", "--allow-service", "http://127.0.0.1:9/sparql");
        assertTrue(run.out().toString().contains("Query timeout:         5 s"), run.out().toString());
        assertTrue(run.out().toString().contains("SERVICE (federation):  only to http://127.0.0.1:9/sparql"),
                run.out().toString());
    }

    /** With --db, an accepted update is in the database: a restarted server still has it. */
    @Test
    void updatesToADatabasePersistAcrossRestarts(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(PROJECT, db);
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "admin: s3cret\n");
        String note = "INSERT DATA { GRAPH <https://w3id.org/parley/graph/notes> {"
                + " <https://w3id.org/parley/test/n> <http://www.w3.org/2000/01/rdf-schema#label> \"kept\" } }";
        String ask = "ASK { <https://w3id.org/parley/test/n> ?p \"kept\" }";
        serveAndCheck(Run.of(), server -> {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.updateURL()))
                    .header("Content-Type", "application/sparql-update")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString("admin:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(note)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        }, "--port", "0", "--db", db.toString(), "--root", PROJECT.toString(), "--allow-update", "--password-file",
           passwords.toString());
        serveAndCheck(Run.of(), server -> {
            HttpResponse<String> r = get(server.sparqlURL() + "?query="
                    + java.net.URLEncoder.encode(ask, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode());
            assertEquals("true", r.body().lines().skip(1).findFirst().orElse("").strip(), "the update outlived the server");
        }, "--port", "0", "--db", db.toString(), "--root", PROJECT.toString());
    }

    @Test
    void missingDatabaseDirectoryIsAnError(@TempDir Path dir) {
        Run run = Run.of();
        int code = run.execute("--port", "0", "--db", dir.resolve("no-such-db").toString());
        assertEquals(1, code);
        String err = run.err().toString();
        assertTrue(err.contains("no-such-db") && err.contains("no TDB2 database"), err);
        assertTrue(err.contains("serve: stopped; nothing is served (1 problem)"), err);
        assertTrue(run.command().running().isEmpty());
    }

    @Test
    void aBrokenClaimIsNamedAndNothingIsServed(@TempDir Path dir) {
        Path project = Fixtures.brokenProject("claim-missing-report", dir);
        Run run = Run.of();

        int code = run.execute("--port", "0", "--root", project.toString());

        assertEquals(1, code);
        String err = run.err().toString();
        assertTrue(err.contains("claim/001-2") && err.contains("parley:inReport"), "names the claim and the rule: " + err);
        assertTrue(err.contains("nothing is served"), err);
        assertTrue(run.command().running().isEmpty(), "no server was started");
    }

    @Test
    void missingPasswordFileIsAnError(@TempDir Path dir) {
        Run run = Run.of();
        int code = run.execute("--port", "0", "--allow-update", "--password-file", dir.resolve("nope").toString());
        assertEquals(1, code);
        assertTrue(run.err().toString().contains("--password-file " + dir.resolve("nope") + ": no such file"),
                run.err().toString());
    }

    @Test
    void malformedPasswordFileIsAnErrorNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("passwords");
        Files.writeString(file, "# users\nadmin s3cret\n");
        Run run = Run.of();
        int code = run.execute("--port", "0", "--allow-update", "--password-file", file.toString());
        assertEquals(1, code);
        assertTrue(run.err().toString().contains(file + ":2: not a password line"), run.err().toString());
    }

    @Test
    void updateOptionsMustComeTogether(@TempDir Path dir) throws IOException {
        Run alone = Run.of();
        assertEquals(2, alone.execute("--allow-update"));
        assertTrue(alone.err().toString().contains("--allow-update needs --password-file"), alone.err().toString());

        Path file = dir.resolve("passwords");
        Files.writeString(file, "admin: s3cret\n");
        Run fileOnly = Run.of();
        assertEquals(2, fileOnly.execute("--password-file", file.toString()));
        assertTrue(fileOnly.err().toString().contains("only used with --allow-update"), fileOnly.err().toString());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        Run unknown = Run.of();
        assertEquals(2, unknown.execute("--no-such-option"));
        assertTrue(unknown.err().toString().contains("Unknown option"), unknown.err().toString());

        Run timeout = Run.of();
        assertEquals(2, timeout.execute("--timeout", "0"));
        assertTrue(timeout.err().toString().contains("--timeout 0"), timeout.err().toString());

        Run port = Run.of();
        assertEquals(2, port.execute("--port", "70000"));

        Run service = Run.of();
        assertEquals(2, service.execute("--allow-service", "file:///etc/passwd"));
        assertTrue(service.err().toString().contains("not an absolute http(s) URL"), service.err().toString());
    }

    @Test
    void portInUseIsAnError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Run run = Run.of();
            int code = run.execute("--port", Integer.toString(taken.getLocalPort()), "--root", PROJECT.toString());
            assertEquals(1, code);
            assertTrue(run.err().toString().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    run.err().toString());
        }
    }
}
