package org.parley.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.vocabulary.OWL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.query.OutputFormat;
import org.parley.query.QueryParameters;
import org.parley.query.QueryRunner;
import org.parley.serve.ParleyServer;
import org.parley.serve.ServeOptions;

/**
 * queries/actors-wikidata.rq over real HTTP: a second embedded Fuseki on a free loopback port plays
 * Wikidata with src/test/resources/link/wikidata-sample.ttl, and the query runs on the real
 * knowledge base with its endpoint parameter pointed there, through the CLI's code path and through
 * {@code parley serve}'s SERVICE allow-list.
 */
class FederationTest {

    private static final Path QUERY = Fixtures.REAL_PROJECT.resolve("queries/actors-wikidata.rq");
    private static final String DEFAULT_ENDPOINT = "<https://query.wikidata.org/sparql>";
    private static final String KB = "https://w3id.org/parley/kb/";
    private static final String WD = "http://www.wikidata.org/entity/";

    /**
     * Written from data/actors.ttl (actor, its label, its Wikidata id) joined by hand with
     * wikidata-sample.ttl (English label, English description, websites); ordered as the query
     * orders them, by label then website. Cairo (wd:Q85) has no triples in the sample.
     */
    private static final List<List<String>> EXPECTED = List.of(
            row("AssociatedPress", "Associated Press", "Q40469", "Associated Press", "American news agency (test value)", "https://apnews.com/"),
            row("BenjaminNetanyahu", "Benjamin Netanyahu", "Q43723", "Benjamin Netanyahu", "Prime Minister of Israel (test value)", ""),
            row("CNN", "CNN", "Q48340", "CNN", "American news channel (test value)", "https://www.cnn.com/"),
            row("Cairo", "Cairo", "Q85", "", "", ""),
            row("Egypt", "Egypt", "Q79", "Egypt", "country in North Africa (test value)", ""),
            row("Gaza", "Gaza Strip", "Q39760", "Gaza Strip", "Palestinian territory on the Mediterranean coast (test value)", ""),
            row("Hamas", "Hamas", "Q38799", "Hamas", "Palestinian Islamist political and militant organization (test value)", ""),
            row("Israel", "Israel", "Q801", "Israel", "country in Western Asia (test value)", ""),
            row("Qatar", "Qatar", "Q846", "Qatar", "country in Western Asia (test value)", ""),
            row("Reuters", "Reuters", "Q130879", "Reuters", "news agency (test value)", "https://www.reuters.com/"),
            row("WallStreetJournal", "The Wall Street Journal", "Q164746", "The Wall Street Journal", "American business newspaper (test value)", "https://www.wsj.com/"),
            row("UnitedStates", "United States", "Q30", "United States of America", "country in North America (test value)", "https://www.usa.gov/"),
            row("UnitedStates", "United States", "Q30", "United States of America", "country in North America (test value)", "https://www.whitehouse.gov/"));

    private static LoadedKnowledgeBase kb;
    private static FusekiServer wikidata;
    private static String wikidataEndpoint;

    @BeforeAll
    static void start() throws Exception {
        kb = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT);
        Model sample = RDFDataMgr.loadModel("src/test/resources/link/wikidata-sample.ttl");
        wikidata = FusekiServer.create().loopback(true).port(0).add("/wd", DatasetFactory.wrap(sample)).build().start();
        wikidataEndpoint = "http://127.0.0.1:" + wikidata.getHttpPort() + "/wd/sparql";
    }

    @AfterAll
    static void stop() {
        if (wikidata != null) {
            wikidata.stop();
        }
        if (kb != null) {
            kb.close();
        }
    }

    @Test
    void cliParameterPointsTheServiceAtAnotherEndpoint() throws Exception {
        Query query = QueryFactory.create(Files.readString(QUERY));
        // The documented command: parley query actors-wikidata --param 'wikidata=<URL>'
        Map<String, Node> parameters = QueryParameters.bind(Map.of("wikidata", "<" + wikidataEndpoint + ">"), query);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.run(kb.datasetGraph(), query, parameters, OutputFormat.JSON, out);

        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(out.toByteArray()), ResultSetLang.RS_JSON);
        assertEquals(EXPECTED, table(rows));
    }

    @Test
    void everyActorLinkedInTheActorsFileIsAskedAboutOnce() throws Exception {
        Model actors = RDFDataMgr.loadModel("data/actors.ttl");
        Set<String> linked = new TreeSet<>();
        actors.listStatements(null, OWL.sameAs, (RDFNode) null).forEachRemaining(statement -> {
            if (statement.getObject().asResource().getURI().startsWith(WD)) {
                linked.add(statement.getSubject().getURI().substring(KB.length()));
            }
        });
        Set<String> answered = new TreeSet<>();
        EXPECTED.forEach(row -> answered.add(row.get(0)));
        // The expected table above covers exactly the actors and places data/actors.ttl links.
        assertEquals(linked, answered);
    }

    @Test
    void parleyServeCallsAnAllowedEndpoint() {
        String query = queryText().replace(DEFAULT_ENDPOINT, "<" + wikidataEndpoint + ">");
        try (ParleyServer server = ParleyServer.start(kb.dataset(),
                ServeOptions.builder().host("127.0.0.1").port(0).allowService(wikidataEndpoint).build())) {
            HttpResponse<String> response = post(server.sparqlURL(), query);
            assertEquals(200, response.statusCode(), response.body());
            ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                    ResultSetLang.RS_JSON);
            assertEquals(EXPECTED, table(rows));
        }
    }

    @Test
    void parleyServeRefusesTheDefaultEndpointWhenOnlyAnotherIsAllowed() {
        // SERVICE ?endpoint is resolved before the allow-list looks: a variable is no way around it.
        try (ParleyServer server = ParleyServer.start(kb.dataset(),
                ServeOptions.builder().host("127.0.0.1").port(0).allowService(wikidataEndpoint).build())) {
            HttpResponse<String> response = post(server.sparqlURL(), queryText());
            assertNotEquals(200, response.statusCode());
            assertTrue(response.body().contains("query.wikidata.org"), response.body());
        }
    }

    private static String queryText() {
        try {
            String text = Files.readString(QUERY);
            assertTrue(text.contains(DEFAULT_ENDPOINT), "the query names its default endpoint " + DEFAULT_ENDPOINT);
            return text;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> post(String endpoint, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The rows as lists of strings: IRIs shortened to their local id, literals to their text, "" for unbound. */
    private static List<List<String>> table(ResultSet results) {
        ResultSetRewindable rows = ResultSetFactory.makeRewindable(results);
        List<List<String>> table = new ArrayList<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            RDFNode wikidataLabel = row.get("wikidataLabel");
            if (wikidataLabel != null) {
                assertEquals("en", wikidataLabel.asLiteral().getLanguage(), "only English labels");
            }
            table.add(List.of(
                    shorten(row.getResource("actor"), KB),
                    text(row.get("label")),
                    shorten(row.getResource("item"), WD),
                    text(wikidataLabel),
                    text(row.get("description")),
                    row.get("website") == null ? "" : row.getResource("website").getURI()));
        }
        return table;
    }

    private static String shorten(Resource resource, String namespace) {
        assertTrue(resource.getURI().startsWith(namespace), resource + " is not in " + namespace);
        return resource.getURI().substring(namespace.length());
    }

    private static String text(RDFNode node) {
        return node == null ? "" : node.asLiteral().getLexicalForm();
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }
}
