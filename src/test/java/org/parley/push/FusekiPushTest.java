package org.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.cli.Cli;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.vocab.KbNames;

/**
 * {@code parley load --into} against a second, real Fuseki on loopback: an in-memory TDB2 dataset
 * with the union default graph (the setting Parley's queries need from a store: they use no GRAPH),
 * queries open to anyone, and a Graph Store endpoint ({@code /store/push}) that only a user of its
 * password file may use (HTTP Basic; one test uses Digest). Every library query must then give the
 * same rows there, over HTTP, as on Parley's own knowledge base.
 */
class FusekiPushTest {

    private static final String USER = "pusher";
    private static final String PASSWORD = "s3cret: with a colon";

    private static LoadedKnowledgeBase kb;
    private static Map<Node, Node> sharedBlankNodes;

    @TempDir
    static Path dir;

    private DatasetGraph store;
    private FusekiServer server;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT);
        sharedBlankNodes = Txn.calculateRead(kb.datasetGraph(), () -> SharedBlankNodes.of(kb.datasetGraph()));
        // The server's password file (Jetty's "user: password") and the client's credentials file.
        Files.writeString(dir.resolve("passwords"), USER + ": " + PASSWORD + "\n");
        Files.writeString(dir.resolve("credentials"), "# the store on loopback\n" + USER + ":" + PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong"), USER + ":not-the-password\n");
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @BeforeEach
    void startStore() {
        store = unionDefaultGraphStore();
        server = server(store, AuthScheme.BASIC);
    }

    @AfterEach
    void stopStore() {
        server.stop();
    }

    /** In-memory TDB2 whose default graph, for queries, is the union of its named graphs. */
    private static DatasetGraph unionDefaultGraphStore() {
        DatasetGraph store = DatabaseMgr.createDatasetGraph();
        store.getContext().set(TDB2.symUnionDefaultGraph, true);
        return store;
    }

    /** /store/sparql for anyone; /store/push, the Graph Store Protocol read-write, for the password file's users. */
    private static FusekiServer server(DatasetGraph store, AuthScheme scheme) {
        return FusekiServer.create().loopback(true).port(0)
                .passwordFile(dir.resolve("passwords").toString()).auth(scheme)
                .add("/store", store, false)
                .addEndpoint("/store", "push", Operation.GSP_RW, Auth.ANY_USER)
                .build().start();
    }

    private String pushUrl(FusekiServer fuseki) {
        return "http://127.0.0.1:" + fuseki.getHttpPort() + "/store/push";
    }

    private String sparqlUrl() {
        return "http://127.0.0.1:" + server.getHttpPort() + "/store/sparql";
    }

    private Cli.Run push(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("load", "--root", Fixtures.REAL_PROJECT.toString(),
                "--into", pushUrl(server)));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private Map<String, Long> storedSizes() {
        Map<String, Long> sizes = new TreeMap<>();
        Txn.executeRead(store, () -> store.listGraphNodes().forEachRemaining(
                graph -> sizes.put(graph.getURI(), (long) store.getGraph(graph).size())));
        return sizes;
    }

    // -- Credentials -------------------------------------------------------------------------------

    @Test
    void withoutCredentialsTheStoreSays401AndNothingIsPushed() {
        Cli.Run run = push();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("HTTP 401: the store wants credentials; give them with --credentials FILE"), run.err());
        assertTrue(run.err().contains("nothing was pushed: the store is as it was."), run.err());
        assertEquals(Map.of(), storedSizes());
    }

    @Test
    void wrongCredentialsAreRefusedAndNothingIsPushed() throws Exception {
        PushException refused = assertThrows(PushException.class, () -> pushWith(server, "wrong"));

        assertTrue(refused.lines().get(0).contains("HTTP 401: the store refused the credentials of user 'pusher'"
                + " (basic authentication): check the --credentials file"), refused.lines().toString());
        assertEquals("nothing was pushed: the store is as it was.", refused.lines().get(1));
        assertFalse(String.join("\n", refused.lines()).contains("not-the-password"), "the password is never shown");
        assertEquals(Map.of(), storedSizes());
    }

    /** The push through the API, with the kb loaded once for all tests (a CLI run validates it again). */
    private GraphStorePush.Result pushWith(FusekiServer fuseki, String credentialsFile) throws PushException {
        GraphStoreClient client = GraphStoreClient.of(URI.create(pushUrl(fuseki)),
                StoreCredentials.read(dir.resolve(credentialsFile)));
        return GraphStorePush.push(kb.datasetGraph(), client, (graph, done, total) -> { });
    }

    @Test
    void digestAuthenticationIsAnsweredToo() throws Exception {
        DatasetGraph digestStore = unionDefaultGraphStore();
        FusekiServer digest = server(digestStore, AuthScheme.DIGEST);
        try {
            GraphStoreClient client = GraphStoreClient.of(URI.create(pushUrl(digest)),
                    StoreCredentials.read(dir.resolve("credentials")));
            GraphStorePush.Result result = GraphStorePush.push(kb.datasetGraph(), client, (graph, done, total) -> { });
            assertEquals(kb.graphSizes().size(), result.graphs().size());
            assertEquals(List.of(), GraphStorePush.check(result, client));

            GraphStoreClient wrong = GraphStoreClient.of(URI.create(pushUrl(digest)), StoreCredentials.read(dir.resolve("wrong")));
            PushException refused = assertThrows(PushException.class,
                    () -> GraphStorePush.push(kb.datasetGraph(), wrong, (graph, done, total) -> { }));
            assertTrue(refused.lines().get(0).contains("refused the credentials of user 'pusher' (digest authentication)"),
                    refused.lines().toString());
        } finally {
            digest.stop();
        }
    }

    // -- What the store holds ------------------------------------------------------------------------

    @Test
    void aPushReplacesEachGraphAndLeavesOtherGraphsAlone() throws Exception {
        Node actors = KbNames.graph("actors");
        Node notes = KbNames.graph("notes-of-another-tool");
        Node stale = NodeFactory.createURI("https://w3id.org/parley/kb/SomeoneRemoved");
        Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        Txn.executeWrite(store, () -> {
            store.add(Quad.create(actors, stale, label, NodeFactory.createLiteralString("removed since")));
            store.add(Quad.create(notes, stale, label, NodeFactory.createLiteralString("kept")));
        });

        pushWith(server, "credentials");

        Txn.executeRead(store, () -> {
            assertFalse(store.contains(actors, stale, Node.ANY, Node.ANY), "the old graph/actors was replaced");
            assertEquals(kb.graphSizes().get(actors.getURI()), (long) store.getGraph(actors).size());
            assertTrue(store.contains(notes, stale, label, Node.ANY), "a graph Parley does not have is left alone");
        });
    }

    @Test
    void excerptsKeepTheirEntailedTypesAcrossGraphs() throws Exception {
        pushWith(server, "credentials");
        // Described in a report's graph, typed in the entailments graph: one node in the store.
        String query = "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX parley: <https://w3id.org/parley/ontology#>"
                + " SELECT (COUNT(*) AS ?n) { ?claim parley:hasExcerpt ?e . ?e a oa:TextQuoteSelector ; oa:exact ?text }";
        LibraryRows.Run run = new LibraryRows.Run("excerpts", Map.of(), org.apache.jena.query.QueryFactory.create(query), query);
        List<List<String>> onParley = LibraryRows.onParley(kb, run, sharedBlankNodes);
        assertFalse(onParley.get(1).get(0).equals("number 0"), "the knowledge base types its excerpts: " + onParley);
        assertEquals(onParley, LibraryRows.overHttp(sparqlUrl(), run));
    }

    @Test
    void aFailureMidwaySaysWhatWasPushedAndWhatTheStoreNowHolds() throws Exception {
        GraphStoreClient client = GraphStoreClient.of(URI.create(pushUrl(server)), StoreCredentials.read(dir.resolve("credentials")));
        List<String> graphs = List.copyOf(kb.graphSizes().keySet());
        // The store goes away after the third graph: the fourth PUT finds nobody.
        PushException failed = assertThrows(PushException.class, () -> GraphStorePush.push(kb.datasetGraph(), client,
                (graph, done, total) -> {
                    if (done == 3) {
                        server.stop();
                    }
                }));

        List<String> lines = failed.lines();
        assertTrue(lines.get(0).startsWith("cannot reach " + pushUrl(server)), lines.toString());
        assertEquals("pushed before the failure (3 of " + graphs.size() + " graphs): " + String.join(", ", graphs.subList(0, 3)),
                lines.get(1));
        assertEquals("not pushed: " + String.join(", ", graphs.subList(3, graphs.size())), lines.get(2));
        assertTrue(lines.get(3).startsWith("the store may now hold a mix"), lines.get(3));
        Map<String, Long> sizes = kb.graphSizes();
        Map<String, Long> expected = new TreeMap<>();
        graphs.subList(0, 3).forEach(graph -> expected.put(graph, sizes.get(graph)));
        assertEquals(expected, storedSizes());
    }

    // -- The library's answers -----------------------------------------------------------------------

    /**
     * The push through the command line, checked, as a user runs it; then every library query on
     * the store over HTTP against Parley's own answers.
     */
    @TestFactory
    Stream<DynamicTest> everyLibraryQueryGivesParleysRowsOnTheSecondFuseki() {
        // The store is started per test: push once, here, for all the dynamic tests below.
        Cli.Run run = push("--credentials", dir.resolve("credentials").toString(), "--check");
        DynamicTest pushed = DynamicTest.dynamicTest("load --into " + pushUrl(server) + " --check", () -> {
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(kb.graphSizes(), storedSizes());
            assertPushOutput(run, kb, pushUrl(server));
        });
        return Stream.concat(Stream.of(pushed), LibraryRows.runs().stream().map(query -> DynamicTest.dynamicTest(query.toString(), () -> {
            List<List<String>> expected = LibraryRows.onParley(kb, query, sharedBlankNodes);
            assertTrue(expected.size() > 1, query + " has rows on Parley");
            LibraryRows.assertSameRows(expected, LibraryRows.overHttp(sparqlUrl(), query), query, "Fuseki (TDB2)");
        })));
    }

    /** A progress line per graph in IRI order, the blank-node note, the check, and the summary last. */
    static void assertPushOutput(Cli.Run run, LoadedKnowledgeBase kb, String url) {
        Map<String, Long> sizes = kb.graphSizes();
        List<String> lines = run.out().lines().toList();
        assertEquals("parley load: pushing into " + url, lines.get(0));
        int n = 0;
        for (Map.Entry<String, Long> graph : sizes.entrySet()) {
            n++;
            assertTrue(lines.get(n).matches(String.format("%8d  %s  \\(%d/%d, HTTP 20[014], \\d+\\.\\d s\\)",
                    graph.getValue(), Pattern.quote(graph.getKey()), n, sizes.size())), lines.get(n));
        }
        assertTrue(lines.get(n + 1).matches("note: \\d+ blank nodes shared between graphs were sent as IRIs under "
                + Pattern.quote(SharedBlankNodes.SKOLEM_BASE)), run.out());
        assertEquals("checked: every graph in the store has the triples pushed", lines.get(n + 2));
        assertTrue(lines.get(n + 3).matches("parley load: " + kb.tripleCount() + " triples in " + sizes.size()
                + " graphs pushed into " + Pattern.quote(url) + " in \\d+\\.\\d s"), run.out());
        assertEquals(n + 4, lines.size(), run.out());
    }
}
