package org.parley.serve;

import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.fuseki.validation.UpdateValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.parley.serve.pages.ParleyPages;
import org.parley.serve.pages.ParleyTextIndex;
import org.parley.serve.pages.SparqlEditorPath;

/**
 * The Parley SPARQL server: an embedded Fuseki serving one dataset at {@code /parley}, with the
 * Fuseki web UI, read-only unless asked otherwise.
 *
 * <p>What is served:
 * <ul>
 * <li>{@code /parley/sparql} and {@code /parley/query}: SPARQL query, results by content
 *     negotiation; the default graph is the union of the named graphs
 *     ({@link UnionDefaultGraph}).</li>
 * <li>{@code /parley/get}: Graph Store protocol, read only.</li>
 * <li>With {@link ServeOptions#allowUpdate()}: {@code /parley/update} (SPARQL Update) and
 *     {@code /parley/data} (Graph Store read-write), both behind HTTP basic auth for the users
 *     of the password file, and refused when a browser sends them for another site
 *     ({@link CrossSiteWriteGuard}); queries stay anonymous.</li>
 * <li>CORS: any origin may query, without credentials ({@link ReadOnlyCors}).</li>
 * <li>{@code /}, {@code /kb/...}, {@code /ontology}, {@code /search}, {@code /pictures}: Parley's
 *     pages ({@link ParleyPages}).</li>
 * <li>{@code /sparql/}: the web UI's files (from the jena-fuseki-ui jar; {@link SparqlEditorPath}), plus the only server
 *     endpoints the UI needs: {@code /$/server} (datasets and endpoints, JSON), {@code /$/ping},
 *     {@code /$/stats}, {@code /$/validate/{query,update,iri,langtag}}. Fuseki's admin module is
 *     <em>not</em> installed, so {@code /$/datasets}, {@code /$/backup}, {@code /$/compact},
 *     {@code /$/tasks} do not exist (404, or 405 for writes).</li>
 * <li>{@code /queries}: the query library ({@link QueryLibraryServlet}), if a directory is
 *     given; {@code /.well-known/void}: a VoID description ({@link VoidServlet}).</li>
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

    private final FusekiServer fuseki;
    private final ServeOptions options;
    private final PropertyUserStore userStore;
    private final String baseURL;

    private ParleyServer(FusekiServer fuseki, ServeOptions options, PropertyUserStore userStore) {
        this.fuseki = fuseki;
        this.options = options;
        this.userStore = userStore;
        this.baseURL = "http://" + urlHost(options.host()) + ":" + fuseki.getHttpPort();
    }

    /** Serves {@code dataset} as {@code options} say and returns once it answers requests. */
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
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(options, "options");
        Set<String> writers = options.allowUpdate() ? PasswordFile.users(options.passwordFile()) : Set.of();

        // Filled in once the port is known; the VoID description names the endpoint URL.
        AtomicReference<String> base = new AtomicReference<>("http://" + urlHost(options.host()));
        Supplier<Model> voidDescription = options.voidDescription() != null
                ? () -> options.voidDescription().apply(base.get() + "/" + DATASET_NAME + "/sparql")
                : () -> VoidServlet.describe(dataset, base.get() + "/" + DATASET_NAME,
                                             base.get() + "/" + DATASET_NAME + "/sparql");

        String voidURL = "/.well-known/void";
        QueryGuard guard = new QueryGuard(options.maxQueryBytes(), options.allowedServices());
        ParleyQueryAction queries = new ParleyQueryAction(guard, options.timeout().toMillis(),
                endpoint -> ServiceDescription.describe(endpoint, base.get() + voidURL, voidDescription.get(),
                        base.get() + "/" + DATASET_NAME + "/sparql", !options.allowedServices().isEmpty()));

        FusekiServer.Builder builder = FusekiServer.create()
                // No modules at all, whatever is on the classpath: FMod_Admin and FMod_UI in
                // particular would open /$/datasets, /$/backup, /$/compact to anyone.
                .fusekiModules(FusekiModules.empty())
                .port(options.port())
                // Fuseki's operations with Parley's limits (QueryGuard, ShapeCheckedDataset).
                .registerOperation(Operation.Query, queries)
                .registerOperation(Operation.Update, new ParleyUpdateAction(guard))
                .registerOperation(Operation.GSP_R, new DatasetDownload.Read())
                .registerOperation(Operation.GSP_RW, new DatasetDownload.ReadWrite())
                .add("/" + DATASET_NAME, dataService(dataset, options, writers))
                .enablePing(true)
                .enableStats(true)
                // Filters run in this order, before Fuseki's dispatch. The slash goes first so
                // that the others see the endpoint's own path.
                .addFilter("/" + DATASET_NAME + "/*", new TrailingSlash())
                .addFilter("/*", new ReadOnlyCors());
        if (!options.allowUpdate()) {
            builder.addFilter("/" + DATASET_NAME + "/*", new ReadOnlyRefusal())
                   .addFilter("/" + DATASET_NAME, new ReadOnlyRefusal());
        }
        builder.addFilter("/" + DATASET_NAME + "/*", new BodyLimit(options.maxQueryBytes(), options.maxUploadBytes()))
                .addFilter("/" + DATASET_NAME + "/*", new CompleteResponses(options.maxResultBytes()))
                .addFilter("/" + DATASET_NAME + "/*", new FormatAliases())
                // Parley's pages (issue 13, package org.parley.serve.pages): home, resources and
                // reports at their IRIs' paths, search, ontology; the SPARQL editor moves to /sparql/.
                .addFilter("/*", new ParleyPages(dataset, !options.allowUpdate(), options.queriesDir()))
                .addFilter("/sparql/*", new SparqlEditorPath())
                // The web UI's files (its start page without the actions refused here), and the
                // only server endpoints it reads.
                .addFilter("/*", new UiPage(!options.allowUpdate()))
                .staticFileBase(uiFilesBase())
                .addServlet("/$/server", new ActionServerStatus())
                .addServlet("/$/validate/query", new QueryValidator())
                .addServlet("/$/validate/update", new UpdateValidator())
                .addServlet("/$/validate/iri", new IRIValidator())
                .addServlet("/$/validate/langtag", new LangTagValidator())
                // Not /$/validate/data: parsing JSON-LD fetches remote @context URLs.
                .addServlet("/queries/*", new QueryLibraryServlet(options.queriesDir(), DATASET_NAME))
                .addServlet(voidURL, new VoidServlet(voidDescription));

        PropertyUserStore userStore = options.allowUpdate() ? userStore(options) : null;
        FusekiServer fuseki;
        try {
            if (userStore != null) {
                String ds = "/" + DATASET_NAME;
                builder.securityHandler(JettySecurityLib.makeSecurityHandler(REALM, userStore, AuthScheme.BASIC))
                       .addFilter(ds + "/update", new CrossSiteWriteGuard())
                       .addFilter(ds + "/data", new CrossSiteWriteGuard())
                       .addFilter(ds + "/data/*", new CrossSiteWriteGuard());
            }
            fuseki = builder.build();
        } catch (RuntimeException e) {
            stopQuietly(null, userStore);
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
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ServeException("cannot listen on " + options.host() + ":" + options.port() + " ("
                    + cause.getMessage() + "); choose another --port (0 picks a free one) or --host", e);
        }
        ParleyServer server = new ParleyServer(fuseki, options, userStore);
        base.set(server.baseURL);
        return server;
    }

    /**
     * The endpoints of {@code /parley} over a dataset whose default graph is the union of
     * {@code dataset}'s named graphs (a fast read-only copy unless updates are allowed, then a live
     * view), and whose context carries the query timeout and the SERVICE allow-list.
     */
    private static DataService dataService(DatasetGraph dataset, ServeOptions options, Set<String> writers) {
        DatasetGraph served = options.allowUpdate()
                ? new ShapeCheckedDataset(UnionDefaultGraph.wrap(dataset), options.updateShapes())
                : UnionDefaultGraph.readOnlyCopy(dataset);
        // Full-text search in SPARQL (text:query), the index the search page uses (issue 13).
        // Read-only only: an update must stay one shape-checked transaction (ShapeCheckedDataset).
        if (!options.allowUpdate()) {
            served = ParleyTextIndex.wrap(served);
        }
        Context context = served.getContext();
        context.set(ARQ.queryTimeout, Long.toString(options.timeout().toMillis()));
        ServiceAllowList.install(context, options.allowedServices());

        DataService.Builder service = DataService.newBuilder(served)
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get");
        if (options.allowUpdate()) {
            AuthPolicy writersOnly = Auth.policyAllowSpecific(writers);
            service.addEndpoint(Operation.Update, "update", writersOnly)
                   .addEndpoint(Operation.GSP_RW, "data", writersOnly);
        }
        return service.build();
    }

    /**
     * The users of the password file, read once. Not builder.passwordFile(): Fuseki's store
     * re-reads the file every 5 s on a thread that outlives the server, while the list of
     * writers is fixed at start. This one is stopped with the server.
     */
    private static PropertyUserStore userStore(ServeOptions options) {
        PropertyUserStore userStore = new PropertyUserStore();
        userStore.setConfig(ResourceFactory.root().newResource(options.passwordFile().toAbsolutePath()));
        try {
            userStore.start();
        } catch (Exception e) {
            throw new ServeException("--password-file " + options.passwordFile() + ": cannot read it ("
                    + e.getMessage() + ")", e);
        }
        return userStore;
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

    /** Stops the server; the dataset is left open (it belongs to the caller). */
    public void stop() {
        if (!fuseki.getJettyServer().isStopped()) {
            fuseki.stop();
        }
        stopQuietly(null, userStore);
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

    /** The jar URL of the web UI's files ({@code webapp/} in jena-fuseki-ui, or the shaded jar). */
    static String uiFilesBase() {
        URL index = ParleyServer.class.getClassLoader().getResource("webapp/index.html");
        if (index == null) {
            throw new ServeException("the web UI files (webapp/index.html from jena-fuseki-ui) are not on the"
                    + " classpath; rebuild with the jena-fuseki-ui dependency");
        }
        String url = index.toExternalForm();
        String dir = url.substring(0, url.length() - "index.html".length());
        if (dir.startsWith("file:")) {
            // Unpacked on the classpath (an IDE): Fuseki wants a directory name, not a URL.
            try {
                return Path.of(new URI(dir)).toString();
            } catch (URISyntaxException e) {
                throw new ServeException("the web UI files are at an unusable location: " + dir, e);
            }
        }
        return dir;
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
