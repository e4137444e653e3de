package org.parley.push;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.parley.ChildJvm;

/**
 * A Virtuoso of its own for a test: Debian's {@code virtuoso-t} (package virtuoso-opensource)
 * started in the foreground on loopback, on free ports, with a fresh database and virtuoso.ini in a
 * temporary directory that is deleted on close. Not the system service: nothing of the machine's
 * own Virtuoso (if any) is read or touched.
 *
 * <p>A fresh database has the administrator {@code dba} with password {@code dba}; the instance
 * listens on 127.0.0.1 only and lives as long as the test. Its endpoints: {@code /sparql} (queries,
 * anonymous) and {@code /sparql-graph-crud-auth} (the Graph Store Protocol, Digest authentication).
 *
 * <p>Where Virtuoso is missing the tests are skipped with the reason, except under {@code CI=true},
 * where {@code .ci/run} installs it and its absence is a failure (as for Chromium).
 */
final class VirtuosoInstance implements AutoCloseable {

    static final Path VIRTUOSO = Path.of("/usr/bin/virtuoso-t");
    /** The administrator of a fresh database. */
    static final String USER = "dba";
    static final String PASSWORD = "dba";

    private final Process process;
    private final Path dir;
    private final int httpPort;

    private VirtuosoInstance(Process process, Path dir, int httpPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
    }

    /** Why Virtuoso tests cannot run here, or null when they can; fails under {@code CI=true}. */
    static String missing(String test) {
        if (Files.isExecutable(VIRTUOSO)) {
            return null;
        }
        String reason = "Virtuoso not found (" + VIRTUOSO + "): install with"
                + " `apt-get install -y virtuoso-opensource` to run the Virtuoso test";
        if ("true".equals(System.getenv("CI"))) {
            fail(reason + " (CI=true: the Virtuoso test must run)");
        }
        System.err.println(test + " skipped: " + reason);
        return reason;
    }

    /**
     * Starts an instance and waits until its SPARQL endpoint answers. A port taken between choosing
     * it and Virtuoso binding it makes Virtuoso exit: then it is tried again on other ports.
     */
    static VirtuosoInstance start() throws IOException, InterruptedException {
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir = Files.createTempDirectory("parley-virtuoso-");
            int sqlPort = freePort();
            int httpPort = freePort();
            Files.writeString(dir.resolve("virtuoso.ini"), ini(dir, sqlPort, httpPort), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(VIRTUOSO.toString(), "+foreground", "+configfile",
                    dir.resolve("virtuoso.ini").toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile())
                    .start();
            VirtuosoInstance instance = new VirtuosoInstance(process, dir, httpPort);
            try {
                instance.awaitReady();
                return instance;
            } catch (IOException failed) {
                lastFailure = failed;
                instance.close();
            }
        }
        throw lastFailure;
    }

    /** The SPARQL query endpoint. */
    String sparqlUrl() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    /** The Graph Store Protocol endpoint that takes writes (Digest authentication). */
    String graphStoreUrl() {
        return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud-auth";
    }

    /**
     * A minimal virtuoso.ini: database, log and lock in dir; SQL and HTTP on 127.0.0.1; a small
     * buffer pool (10,000 pages of 8 KiB, about 80 MB); result sets up to 100,000 rows (the default
     * 10,000 would cut long answers short without an error).
     */
    private static String ini(Path dir, int sqlPort, int httpPort) {
        return String.join("\n",
                "[Database]",
                "DatabaseFile = " + dir.resolve("virtuoso.db"),
                "ErrorLogFile = " + dir.resolve("virtuoso.log"),
                "LockFile = " + dir.resolve("virtuoso.lck"),
                "TransactionFile = " + dir.resolve("virtuoso.trx"),
                "xa_persistent_file = " + dir.resolve("virtuoso.pxa"),
                "TempStorage = TempDatabase",
                "[TempDatabase]",
                "DatabaseFile = " + dir.resolve("virtuoso-temp.db"),
                "TransactionFile = " + dir.resolve("virtuoso-temp.trx"),
                "[Parameters]",
                "ServerPort = 127.0.0.1:" + sqlPort,
                "DisableUnixSocket = 1",
                "CaseMode = 2",
                "DirsAllowed = " + dir,
                "NumberOfBuffers = 10000",
                "MaxDirtyBuffers = 6000",
                "CheckpointInterval = 60",
                "[HTTPServer]",
                "ServerPort = 127.0.0.1:" + httpPort,
                "ServerRoot = " + dir,
                "ServerThreads = 4",
                "Charset = UTF-8",
                "[SPARQL]",
                "ResultSetMaxRows = 100000",
                "MaxQueryExecutionTime = 120",
                "") ;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code ASK {}} until it answers 200, the process exits, or the hang guard passes; the
     * pause between tries is a wait on the process, so an exit ends it at once.
     */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(sparqlUrl() + "?query=ASK%7B%7D"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + ChildJvm.HANG_GUARD.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("virtuoso-t exited with status " + process.exitValue() + " before answering: "
                        + log());
            }
            try {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IOException("Virtuoso did not answer within " + ChildJvm.HANG_GUARD.toSeconds() + " s: " + log());
    }

    /** The end of Virtuoso's log, for a failure message. */
    String log() {
        try {
            Path log = dir.resolve("console.log");
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops Virtuoso (SIGTERM: it shuts down cleanly; SIGKILL if it does not) and deletes its directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(ChildJvm.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
