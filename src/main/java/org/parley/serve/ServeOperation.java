package org.parley.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.sys.JenaSystem;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.KnowledgeBaseStore;
import org.parley.load.LoadException;
import org.parley.load.LoadedKnowledgeBase;

/**
 * What {@code parley serve} does, without the command line and the printing: load the knowledge base
 * from the project (or open a TDB2 database), serve it with {@link ParleyServer}, and release it
 * when the server stops. The command ({@code cli/ServeCommand}) parses options, calls
 * {@link #start}, prints the banner and waits in {@link #serveUntilStopped}.
 */
public final class ServeOperation {

    private final LoadedKnowledgeBase knowledgeBase;
    private final ParleyServer server;
    private final Duration loadTime;
    private final AtomicBoolean released = new AtomicBoolean(false);

    private ServeOperation(LoadedKnowledgeBase knowledgeBase, ParleyServer server, Duration loadTime) {
        this.knowledgeBase = knowledgeBase;
        this.server = server;
        this.loadTime = loadTime;
    }

    /**
     * Loads {@code projectRoot} (or opens {@code db} when not null) and starts serving it; returns once
     * the server answers requests.
     *
     * @throws LoadException the knowledge base has problems; nothing is served
     * @throws ServeException the database cannot be opened or the server cannot start (a short
     *                        message, e.g. "cannot open --db DIR: ..."); nothing is left open
     */
    public static ServeOperation start(Path projectRoot, Path db, ServeOptions options) throws LoadException {
        if (options.allowUpdate()) {
            // A bad password file is told at once, before the knowledge base is read.
            PasswordFile.users(options.passwordFile());
        }
        warmUpInBackground();
        long t0 = System.nanoTime();
        LoadedKnowledgeBase kb;
        try {
            kb = db != null ? KnowledgeBaseLoader.openTdb2(db) : KnowledgeBaseLoader.load(projectRoot);
        } catch (RuntimeException e) {
            throw new ServeException("cannot open " + (db != null ? "--db " + db : projectRoot) + ": " + e.getMessage(), e);
        }
        Duration loadTime = Duration.ofNanos(System.nanoTime() - t0);
        try {
            return new ServeOperation(kb, ParleyServer.start(kb.datasetGraph(), KnowledgeBaseStore.textIndexOf(db), options), loadTime);
        } catch (RuntimeException e) {
            kb.close();
            throw e;
        }
    }

    /**
     * Start-up time is mostly class loading (measured in docs/benchmark.md): load the server's
     * classes on the other core while this one reads and checks the knowledge base, which needs
     * none of them. Only a head start: whatever fails here is done again, properly, by start().
     */
    private static void warmUpInBackground() {
        // Jena's subsystems first, on this thread: started from two threads at once, Jena's
        // class initialisers can deadlock (seen here: main in InitJenaCore waiting for
        // Assembler, the warm-up thread in Assembler's initialiser waiting for PrefixMapping),
        // and serve then hangs before printing anything. Once this returns, the warm-up
        // thread only loads classes whose Jena set-up is done.
        JenaSystem.init();
        Thread warmUp = new Thread(() -> {
            try {
                ParleyServer.warmUp();
            } catch (RuntimeException ignored) {
                // see above
            }
        }, "parley-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    public ParleyServer server() {
        return server;
    }

    public LoadedKnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /**
     * Asks the running server, over HTTP, how many reports it serves, as a client would: the
     * answer, and the time from the start of this process to that first answer.
     */
    public FirstAnswer firstAnswer() {
        String query = "SELECT (COUNT(?r) AS ?n) { ?r a <" + org.parley.vocab.Parley.Report.getURI() + "> }";
        java.net.URI uri = java.net.URI.create(server.sparqlURL() + "?query="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(uri).header("Accept", "text/csv").timeout(Duration.ofMinutes(2)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            Duration sinceStart = Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            long reports = response.statusCode() == 200
                    ? Long.parseLong(response.body().lines().skip(1).findFirst().orElse("-1").strip())
                    : -1;
            return new FirstAnswer(reports, sinceStart);
        } catch (java.io.IOException | NumberFormatException e) {
            return new FirstAnswer(-1, Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FirstAnswer(-1, Duration.ZERO);
        }
    }

    /** The number of reports served (-1 if the server did not say) and when the answer came. */
    public record FirstAnswer(long reports, Duration sinceProcessStart) {
    }

    /** How long loading (or opening) the knowledge base took. */
    public Duration loadTime() {
        return loadTime;
    }

    /**
     * Blocks until the server stops ({@link #stop()}, or Ctrl-C through a JVM shutdown hook), then
     * releases the knowledge base.
     */
    public void serveUntilStopped() {
        Thread hook = new Thread(this::stop, "parley-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.join();
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook runs anyway.
        }
    }

    /** Stops the server and releases the knowledge base (an on-disk database's files); idempotent. */
    public void stop() {
        server.stop();
        if (released.compareAndSet(false, true)) {
            knowledgeBase.close();
        }
    }
}
