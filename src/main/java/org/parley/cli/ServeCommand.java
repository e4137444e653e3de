package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.parley.load.LoadException;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.serve.ParleyServer;
import org.parley.serve.PasswordFile;
import org.parley.serve.ServeException;
import org.parley.serve.ServeOperation;
import org.parley.serve.ServeOptions;
import org.parley.validate.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley serve}: loads the knowledge base (or opens a TDB2 database) and serves it over
 * SPARQL with the Fuseki web UI until stopped (Ctrl-C). This class parses options, calls
 * {@link ServeOperation} and prints; loading, serving and releasing are the operation's.
 *
 * <p>Exit codes: 0 after a clean stop, 1 when the knowledge base or a file named in an option
 * cannot be used, 2 for a usage error.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the knowledge base over SPARQL, with the Fuseki web UI, until stopped (Ctrl-C).",
            "Read-only unless --allow-update; binds to 127.0.0.1 unless --host."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3030",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeOptions.DEFAULT_HOST,
            description = "Address to bind to (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Serve this TDB2 database (made by `parley load --db DIR`) instead of loading the project.")
    Path db;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Cancel a query after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--allow-update",
            description = "Offer SPARQL Update at /parley/update and Graph Store writes at /parley/data,"
                    + " for the users of --password-file only (HTTP basic auth).")
    boolean allowUpdate;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Users allowed to update, one 'user: password' line each (Jetty format).")
    Path passwordFile;

    @Option(names = "--allow-service", paramLabel = "URL",
            description = "Let queries call this remote endpoint with SERVICE; repeatable. SERVICE is off otherwise.")
    List<String> allowedServices = new ArrayList<>();

    @Option(names = "--max-query-bytes", paramLabel = "BYTES", defaultValue = "" + ServeOptions.DEFAULT_MAX_QUERY_BYTES,
            description = "Refuse (HTTP 413) a query or update longer than this (default: ${DEFAULT-VALUE}).")
    int maxQueryBytes;

    @Option(names = "--max-result-bytes", paramLabel = "BYTES", defaultValue = "" + ServeOptions.DEFAULT_MAX_RESULT_BYTES,
            description = "Refuse (HTTP 422) an answer larger than this; answers are sent only when complete"
                    + " (default: ${DEFAULT-VALUE}).")
    long maxResultBytes;

    @Option(names = "--max-upload-bytes", paramLabel = "BYTES", defaultValue = "" + ServeOptions.DEFAULT_MAX_UPLOAD_BYTES,
            description = "With --allow-update: refuse (HTTP 413) a Graph Store upload larger than this"
                    + " (default: ${DEFAULT-VALUE}).")
    long maxUploadBytes;

    private volatile ServeOperation serving;
    private final AtomicBoolean stopRequested = new AtomicBoolean(false);
    /**
     * Completed once the ready banner has been printed (with the server), or when {@link #call()}
     * returns without serving (empty). Embedders and tests wait on this, never on {@link #serving}:
     * the server answers requests a moment before the banner is out, and whoever reads the banner
     * must not race its printing.
     */
    private final CompletableFuture<Optional<ParleyServer>> ready = new CompletableFuture<>();

    @Override
    public Integer call() {
        try {
            return serve();
        } finally {
            ready.complete(Optional.empty());
        }
    }

    private int serve() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServeOptions options = options();
        String name = spec.qualifiedName();
        try {
            serving = ServeOperation.start(project.root(), db, options);
        } catch (LoadException e) {
            for (Problem problem : e.problems()) {
                err.println(problem.oneLine());
            }
            return failed(err, name + ": stopped; nothing is served (" + e.problems().size()
                    + (e.problems().size() == 1 ? " problem)" : " problems)"), e);
        } catch (ServeException e) {
            return failed(err, name + ": " + e.getMessage(), e);
        }
        // A refused claim sheet: the rest is served, and the analyst sees why that report is not.
        for (Problem warning : serving.knowledgeBase().warnings()) {
            err.println(warning.oneLine());
        }
        err.flush();
        printReady(out, serving);
        ready.complete(Optional.of(serving.server()));
        if (stopRequested.get()) {
            serving.stop();
        }
        serving.serveUntilStopped();
        return 0;
    }

    /** Prints the one-line error (and the stack trace with --verbose); returns exit status 1. */
    private int failed(PrintWriter err, String line, Exception e) {
        err.println(line);
        if (project.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The running server, once it answers requests and the ready banner has been printed. */
    public Optional<ParleyServer> running() {
        return ready.getNow(Optional.empty());
    }

    /**
     * Completes with the server once it answers requests and its ready banner has been printed, or
     * with empty once {@link #call()} has returned without serving (an error, or a stop before
     * start).
     */
    public CompletableFuture<Optional<ParleyServer>> whenReady() {
        return ready;
    }

    /** Stops the server; {@link #call()} then returns 0. */
    public void stop() {
        stopRequested.set(true);
        ServeOperation s = serving;
        if (s != null) {
            s.stop();
        }
    }

    /** The options as given, checked: a bad value is a usage error. */
    private ServeOptions options() {
        if (allowUpdate && passwordFile == null) {
            throw new ParameterException(spec.commandLine(),
                    "--allow-update needs --password-file FILE (lines 'user: password') naming who may update");
        }
        if (!allowUpdate && passwordFile != null) {
            throw new ParameterException(spec.commandLine(),
                    "--password-file is only used with --allow-update; add --allow-update or drop it");
        }
        try {
            ServeOptions.Builder b = ServeOptions.builder()
                    .host(host)
                    .port(port)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .allowServices(allowedServices)
                    .maxQueryBytes(maxQueryBytes)
                    .maxResultBytes(maxResultBytes)
                    .maxUploadBytes(maxUploadBytes)
                    .queriesDir(project.root().resolve("queries"));
            if (allowUpdate) {
                b.allowUpdate(passwordFile).updateShapes(UpdateShapes.read(project.root()));
            }
            return b.build();
        } catch (ServeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void printReady(PrintWriter out, ServeOperation serving) {
        ParleyServer s = serving.server();
        LoadedKnowledgeBase kb = serving.knowledgeBase();
        Duration loadTime = serving.loadTime();
        ServeOptions o = s.options();
        if (db != null) {
            // A database may hold tens of millions of quads: counting them would take longer than
            // opening it. Its reports are counted by the server, over HTTP, as the first answer.
            ServeOperation.FirstAnswer first = serving.firstAnswer();
            out.printf(Locale.ROOT, "Parley: %,d reports (opened %s in %.1f s; first answer %.1f s after start).%n",
                    first.reports(), db, loadTime.toMillis() / 1000.0, first.sinceProcessStart().toMillis() / 1000.0);
        } else {
            out.printf("Parley: %,d triples in %d graphs (loaded in %.1f s).%n", kb.tripleCount(), kb.graphSizes().size(),
                    loadTime.toMillis() / 1000.0);
        }
        out.println("Serving on " + s.serverURL());
        out.println("  Browse and search:     " + s.serverURL() + " (reports, parties, questions, pictures)");
        out.println("  Web UI (query editor): " + s.uiURL());
        out.println("  SPARQL endpoint:       " + s.sparqlURL());
        out.println("  Graph Store (read):    " + s.graphStoreURL());
        out.println("  Query library:         " + s.queriesURL());
        if (o.allowUpdate()) {
            Set<String> users = PasswordFile.users(o.passwordFile());
            out.println("  SPARQL Update:         " + s.updateURL() + " (HTTP basic auth: " + String.join(", ", users) + ")");
        } else {
            out.println("  SPARQL Update:         off (read-only)");
        }
        out.println("  Query timeout:         " + o.timeout().toSeconds() + " s");
        out.println("  SERVICE (federation):  "
                + (o.allowedServices().isEmpty() ? "off" : "only to " + String.join(", ", o.allowedServices())));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
