package org.parley.serve;

import java.io.OutputStream;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.parley.describe.DatasetDescription;
import org.parley.serve.pages.ParleyPages;
import org.parley.serve.pages.SparqlEditorPath;

/**
 * The Parley SPARQL server: an embedded Fuseki serving one dataset at {@code /parley}, with the
 * Fuseki web UI, read-only unless asked otherwise. Assembled here from its parts:
 * <ul>
 * <li>{@link ServedDataset}: {@code /parley/sparql} and {@code /parley/query} (SPARQL query, the
 *     default graph the union of the named graphs), {@code /parley/get} (Graph Store, read only);
 *     with {@link ServeOptions#allowUpdate()}, {@code /parley/update} and {@code /parley/data}
 *     behind HTTP basic auth for the users of the password file; queries stay anonymous.</li>
 * <li>Fuseki's operations with Parley's limits: {@link ParleyQueryAction} ({@link QueryGuard}, the
 *     service description), {@link ParleyUpdateAction}, {@link DatasetDownload}.</li>
 * <li>{@link FilterChain}: the servlet filters (CORS, read-only refusals, caps, format aliases,
 *     cross-site write guard), in order.</li>
 * <li>{@link WebUi}: the web UI's files and the few {@code /$/} endpoints it reads.</li>
 * <li>{@code /queries}: the query library ({@link QueryLibraryServlet}), if a directory is given;
 *     {@code /.well-known/void}: the dataset description ({@link VoidServlet}).</li>
 * <li>{@code /}, {@code /kb/...}, {@code /ontology}, {@code /search}, {@code /pictures}: Parley's
 *     pages ({@link ParleyPages}); the web UI (SPARQL editor) at {@code /sparql/}
 *     ({@link SparqlEditorPath}).</li>
 * </ul>
 * Every query runs with a timeout (ARQ's {@code queryTimeout} in the served dataset's context):
 * a query cancelled before its first result row is answered HTTP 503 "Query timed out"; one
 * cancelled while streaming ends early with status 200 and truncated results. Outbound
 * {@code SERVICE} is refused (HTTP 422) except to the endpoints of
 * {@link ServeOptions#allowedServices()} ({@link ServiceAllowList}).
 */
public final class ParleyServer implements AutoCloseable {

    /** The name the dataset is served under: {@code /parley}. */
    public static final String DATASET_NAME = "parley";

    /** The HTTP authentication realm browsers show when asking for a password. */
    static final String REALM = "Parley";

    private static final String VOID_PATH = "/.well-known/void";

    private final FusekiServer fuseki;
    private final ServeOptions options;
    private final PropertyUserStore userStore;
    private final String baseURL;

    private final ServedDataset served;

    private ParleyServer(FusekiServer fuseki, ServeOptions options, PropertyUserStore userStore, ServedDataset served) {
        this.fuseki = fuseki;
        this.served = served;
        this.options = options;
        this.userStore = userStore;
        this.baseURL = "http://" + urlHost(options.host()) + ":" + fuseki.getHttpPort();
    }

    /**
     * Loads the classes a server needs (Fuseki, Jetty, the query engine, the result writers) by
     * building a server that is never started and answering one query on an empty dataset.
     * Start-up is mostly class loading, so {@code serve} calls this on a second thread while the
     * knowledge base is read and checked (see docs/benchmark.md for what it saves).
     */
    public static void warmUp() {
        DatasetGraph empty = DatasetGraphFactory.createTxnMem();
        FusekiServer.create().port(0).loopback(true).fusekiModules(FusekiModules.empty())
                .add("/warm-up", empty, false).build();
        try (QueryExec exec = QueryExec.dataset(empty).query("SELECT * { ?s ?p ?o } LIMIT 1").build()) {
            ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(OutputStream.nullOutputStream(), exec.select());
        }
    }

    public static ParleyServer start(Dataset dataset, ServeOptions options) {
        return start(dataset.asDatasetGraph(), options);
    }

    /** Serves {@code dataset} as {@code options} say and returns once it answers requests. */
    public static ParleyServer start(DatasetGraph dataset, ServeOptions options) {
        return start(dataset, null, options);
    }

    /**
     * Serves {@code dataset} as {@code options} say, with the on-disk full-text index in
     * {@code textIndexDir} ({@link org.parley.search.ParleyTextIndex#build}, e.g. {@code DB/text-index}
     * beside a TDB2 database) opened as it is, or, when null, an index built in memory at start;
     * returns once it answers requests. A read-only server uses the on-disk index for
     * {@code text:query} and the search page; with updates it is not used (see {@link ServedDataset}).
     */
    public static ParleyServer start(DatasetGraph dataset, java.nio.file.Path textIndexDir, ServeOptions options) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(options, "options");
        Set<String> writers = options.allowUpdate() ? PasswordFile.users(options.passwordFile()) : Set.of();

        // Filled in once the port is known; the descriptions name the endpoint URL.
        AtomicReference<String> base = new AtomicReference<>("http://" + urlHost(options.host()));
        Supplier<String> sparqlURL = () -> base.get() + "/" + DATASET_NAME + "/sparql";
        ServedDataset served = ServedDataset.of(dataset, options.allowUpdate() ? null : textIndexDir, options, writers);
        // Counts the whole knowledge base: once per version of the data, not per request.
        Supplier<Model> voidDescription = new DescriptionCache(
                url -> DatasetDescription.describe(DatasetFactory.wrap(dataset), url), sparqlURL, served.generation());
        QueryGuard guard = new QueryGuard(options.maxQueryBytes(), options.allowedServices());
        ParleyQueryAction queries = new ParleyQueryAction(guard, options.timeout().toMillis(),
                endpoint -> ServiceDescription.describe(endpoint, base.get() + VOID_PATH, voidDescription.get(),
                        sparqlURL.get(), !options.allowedServices().isEmpty()));

        FusekiServer.Builder builder = FusekiServer.create()
                // No modules at all, whatever is on the classpath: FMod_Admin and FMod_UI in
                // particular would open /$/datasets, /$/backup, /$/compact to anyone.
                .fusekiModules(FusekiModules.empty())
                .port(options.port())
                .registerOperation(Operation.Query, queries)
                .registerOperation(Operation.Update, new ParleyUpdateAction(guard))
                .registerOperation(Operation.GSP_R, new DatasetDownload.Read())
                .registerOperation(Operation.GSP_RW, new DatasetDownload.ReadWrite())
                .add("/" + DATASET_NAME, served.service())
                .enablePing(true)
                .enableStats(true)
                .addServlet("/queries/*", new QueryLibraryServlet(options.queriesDir(), DATASET_NAME))
                .addServlet(VOID_PATH, new VoidServlet(voidDescription));
        FilterChain.install(builder, options, new ParleyPages(served.dataset(), served.generation(), options.queriesDir()));
        WebUi.install(builder, !options.allowUpdate());

        PropertyUserStore userStore = options.allowUpdate() ? PasswordFile.userStore(options.passwordFile()) : null;
        FusekiServer fuseki;
        try {
            if (userStore != null) {
                builder.securityHandler(JettySecurityLib.makeSecurityHandler(REALM, userStore, AuthScheme.BASIC));
            }
            fuseki = builder.build();
        } catch (RuntimeException e) {
            stopQuietly(null, userStore);
            served.close();
            throw e;
        }
        for (Connector connector : fuseki.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(options.host());
            }
        }
        fuseki.getJettyServer().setRequestLog(new RequestLogger());
        try {
            fuseki.start();
        } catch (FusekiException e) {
            stopQuietly(fuseki, userStore);
            served.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ServeException("cannot listen on " + options.host() + ":" + options.port() + " ("
                    + cause.getMessage() + "); choose another --port (0 picks a free one) or --host", e);
        }
        ParleyServer server = new ParleyServer(fuseki, options, userStore, served);
        base.set(server.baseURL);
        return server;
    }

    /** The port the server listens on (the real one when port 0 was asked for). */
    public int port() {
        return fuseki.getHttpPort();
    }

    public ServeOptions options() {
        return options;
    }

    /** {@code http://HOST:PORT/}, with a wildcard host shown as 127.0.0.1. */
    public String serverURL() {
        return baseURL + "/";
    }

    /** {@code http://HOST:PORT/parley}. */
    public String datasetURL() {
        return baseURL + "/" + DATASET_NAME;
    }

    /** The SPARQL query endpoint, {@code http://HOST:PORT/parley/sparql}. */
    public String sparqlURL() {
        return datasetURL() + "/sparql";
    }

    /** The Graph Store (read) endpoint, {@code http://HOST:PORT/parley/get}. */
    public String graphStoreURL() {
        return datasetURL() + "/get";
    }

    /** The SPARQL Update endpoint; only answers when update is allowed. */
    public String updateURL() {
        return datasetURL() + "/update";
    }

    /** The web UI's query page for the dataset. */
    public String uiURL() {
        return baseURL + "/sparql/#/dataset/" + DATASET_NAME + "/query";
    }

    /** The query library page. */
    public String queriesURL() {
        return baseURL + "/queries";
    }

    /** Blocks until the server stops (returns at once if it has). */
    public void join() {
        // Not FusekiServer.join(): that restarts a server stopped before the call.
        try {
            fuseki.getJettyServer().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return fuseki.getJettyServer().isRunning();
    }

    /** Stops the server and releases its full-text index; the dataset is left open (it belongs to the caller). */
    public void stop() {
        if (!fuseki.getJettyServer().isStopped()) {
            fuseki.stop();
        }
        stopQuietly(null, userStore);
        served.close();
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(FusekiServer fuseki, PropertyUserStore userStore) {
        try {
            if (fuseki != null) {
                fuseki.getJettyServer().stop();
            }
            if (userStore != null && !userStore.isStopped()) {
                userStore.stop();
            }
        } catch (Exception ignored) {
            // Stopping after a failed start or at shutdown: nothing more to release.
        }
    }

    private static String urlHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            return "[" + host + "]";
        }
        return host;
    }
}
