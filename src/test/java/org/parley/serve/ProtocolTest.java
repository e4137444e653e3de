package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.describe.DatasetDescription;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

/**
 * The W3C SPARQL 1.1 Protocol query tests and Service Description tests
 * (sparql11/protocol/manifest.ttl, sparql11/service-description/manifest.ttl), one test each,
 * rewritten against Parley's own knowledge base: the same requests, Parley's graphs as the data.
 * The update tests are in {@link UpdateProtocolTest}. Expected counts come from the data files:
 * the actors graph and the terms graph are counted in the test itself from their files'
 * own parse, never copied from the server's output.
 */
class ProtocolTest extends ServerTestBase {

    private static final String G = "https://w3id.org/parley/graph/";
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
    private static final String COUNT_NAMED = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";

    private static LoadedKnowledgeBase kb;
    private static long actors;
    private static long terms;

    @BeforeAll
    static void load() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        kb = KnowledgeBaseLoader.load(project);
        actors = RDFParser.source(project.resolve("data/actors.ttl")).toGraph().size();
        terms = RDFParser.source(project.resolve("data/terms.ttl")).toGraph().size();
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @BeforeEach
    void startServer() {
        start(kb.dataset());
    }

    private HttpResponse<String> postForm(String form, String contentType) {
        return post(server.sparqlURL(), contentType, form, null, null);
    }

    private static long csvCount(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    // -- Query tests ----------------------------------------------------------------------------

    @Test
    void queryViaGet() {
        HttpResponse<String> r = query("ASK { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"boolean\" : true"), r.body());
    }

    @Test
    void queryViaUrlEncodedPost() {
        HttpResponse<String> r = postForm("query=" + encode("ASK { ?s ?p ?o }"), "application/x-www-form-urlencoded");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("true"), r.body());
    }

    @Test
    void queryViaPostDirectly() {
        HttpResponse<String> r = postForm("ASK { ?s ?p ?o }", "application/sparql-query");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("true"), r.body());
    }

    @Test
    void getWithProtocolDefaultGraph() {
        assertEquals(actors, csvCount(get(server.sparqlURL() + "?query=" + encode(COUNT)
                + "&default-graph-uri=" + encode(G + "actors"), "text/csv")));
    }

    @Test
    void postWithProtocolDefaultGraphs() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.sparqlURL() + "?default-graph-uri="
                        + encode(G + "actors") + "&default-graph-uri=" + encode(G + "terms")))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(COUNT)).build());
        assertEquals(actors + terms, csvCount(r));
    }

    @Test
    void namedGraphsByProtocolGetAndPost() {
        String names = "&named-graph-uri=" + encode(G + "actors") + "&named-graph-uri=" + encode(G + "terms");
        HttpResponse<String> got = get(server.sparqlURL() + "?query=" + encode(COUNT_NAMED) + names, "text/csv");
        assertEquals(List.of("g,n", G + "actors," + actors, G + "terms," + terms), got.body().lines().toList());
        HttpResponse<String> posted = post(server.sparqlURL(), "application/x-www-form-urlencoded",
                "query=" + encode(COUNT_NAMED) + names, null, null);
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains(G + "actors") && posted.body().contains(G + "terms")
                && !posted.body().contains(G + "cameo"), posted.body());
    }

    @Test
    void fullDatasetByProtocol() {
        String q = "SELECT (COUNT(*) AS ?d) (SUM(?x) AS ?n) { { ?s ?p ?o BIND (0 AS ?x) } UNION { GRAPH ?g { ?s ?p ?o } BIND (1 AS ?x) } }";
        HttpResponse<String> r = get(server.sparqlURL() + "?query=" + encode(q) + "&default-graph-uri=" + encode(G + "actors")
                + "&named-graph-uri=" + encode(G + "terms"), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("d,n", (actors + terms) + "," + terms), r.body().lines().toList());
    }

    @Test
    void protocolDatasetWinsOverTheQuerysOwn() {
        String q = "SELECT (COUNT(*) AS ?n) FROM <" + G + "terms> { ?s ?p ?o }";
        assertEquals(actors, csvCount(get(server.sparqlURL() + "?query=" + encode(q)
                + "&default-graph-uri=" + encode(G + "actors"), "text/csv")));
    }

    @Test
    void selectAndAskAnswerInResultFormats() {
        Set<String> select = Set.of("application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                "text/tab-separated-values");
        HttpResponse<String> r = query("SELECT * { ?s ?p ?o } LIMIT 1", null);
        assertTrue(select.stream().anyMatch(contentType(r)::startsWith), contentType(r));
        HttpResponse<String> ask = query("ASK {}", null);
        assertTrue(contentType(ask).startsWith("application/sparql-results+json")
                || contentType(ask).startsWith("application/sparql-results+xml"), contentType(ask));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/rdf+xml", "text/turtle", "application/n-triples", "application/ld+json",
            "text/n3", "application/rdf+json", "application/trix+xml", "application/rdf+thrift"})
    void constructAndDescribeInEveryRdfSyntax(String accept) {
        for (String q : List.of("CONSTRUCT WHERE { ?s a <https://w3id.org/parley/ontology#Position> } LIMIT 3",
                "DESCRIBE <https://w3id.org/parley/kb/Hamas>")) {
            HttpResponse<String> r = query(q, accept);
            assertEquals(200, r.statusCode(), accept + " " + r.body());
            assertTrue(contentType(r).startsWith(accept), accept + " answered as " + contentType(r));
            if (!accept.contains("thrift")) {
                Lang lang = accept.equals("text/n3") ? Lang.TURTLE : RDFLanguages.contentTypeToLang(accept);
                Model model = ModelFactory.createDefaultModel();
                RDFParser.create().source(new StringReader(r.body())).lang(lang).parse(model);
                assertFalse(model.isEmpty(), accept);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "rdf", "rdfxml", "n3", "turtle", "json-ld"})
    void formatParameterNamesThatClientsUse(String format) {
        String q = "CONSTRUCT WHERE { ?s a <https://w3id.org/parley/ontology#Position> } LIMIT 3";
        HttpResponse<String> r = get(server.sparqlURL() + "?query=" + encode(q) + "&format=" + format, null);
        assertEquals(200, r.statusCode(), format + " " + r.body());
    }

    @Test
    void badQueryMethodIsRefused() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.sparqlURL() + "?query=" + encode("ASK {}")))
                .PUT(HttpRequest.BodyPublishers.ofString("")).build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
    }

    @Test
    void badMultipleQueries() {
        HttpResponse<String> r = get(server.sparqlURL() + "?query=" + encode("ASK {}") + "&query=" + encode("ASK {}"), null);
        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void badWrongMediaType() {
        assertEquals(415, postForm("ASK {}", "text/plain").statusCode());
    }

    @Test
    void badFormBodyWithoutFormType() {
        HttpResponse<String> r = postForm("query=" + encode("ASK {}"), "application/sparql-query");
        assertEquals(400, r.statusCode(), "query=... is not SPARQL: " + r.body());
    }

    @Test
    void badSparqlBodyWithoutSparqlType() {
        HttpResponse<String> r = postForm("ASK {}", "application/x-www-form-urlencoded");
        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void badNonUtf8Body() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.sparqlURL()))
                .header("Content-Type", "application/sparql-query; charset=UTF-16")
                .POST(HttpRequest.BodyPublishers.ofByteArray("ASK {}".getBytes(StandardCharsets.UTF_16))).build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
    }

    @Test
    void badSyntaxIs400() {
        HttpResponse<String> r = query("SELECT * WHERE { ?s ?p }", null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("The query is not valid SPARQL"), r.body());
    }

    @Test
    void trailingSlashIsTheSameEndpoint() {
        HttpResponse<String> r = get(server.sparqlURL() + "/?query=" + encode(COUNT), "text/csv");
        assertEquals(csvCount(get(server.sparqlURL() + "?query=" + encode(COUNT), "text/csv")), csvCount(r));
        assertEquals(200, get(server.datasetURL() + "/query/?query=" + encode("ASK {}"), null).statusCode());
    }

    // -- Read-only: what is refused, and how ----------------------------------------------------

    @Test
    void updatesAndUploadsOnAReadOnlyServerGetAPlainExplanation() {
        List<HttpResponse<String>> refused = List.of(
                post(server.updateURL(), "application/sparql-update", "CLEAR ALL", null, null),
                post(server.sparqlURL(), "application/sparql-update", "CLEAR ALL", null, null),
                post(server.sparqlURL(), "application/x-www-form-urlencoded", "update=" + encode("CLEAR ALL"), null, null),
                post(server.datasetURL() + "/data", "text/turtle", "<a:b> <a:c> <a:d> .", null, null),
                send(HttpRequest.newBuilder(URI.create(server.graphStoreURL() + "?default"))
                        .header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<a:b> <a:c> <a:d> .")).build()),
                send(HttpRequest.newBuilder(URI.create(server.graphStoreURL() + "?default")).DELETE().build()));
        for (HttpResponse<String> r : refused) {
            assertEquals(405, r.statusCode(), r.request().uri() + " " + r.body());
            assertTrue(contentType(r).startsWith("text/plain"), contentType(r));
            assertTrue(r.body().contains("read-only") && r.body().contains("--allow-update"), r.body());
        }
        assertTrue(csvCount(get(server.sparqlURL() + "?query=" + encode(COUNT), "text/csv")) > 0, "nothing changed");
    }

    @Test
    void datasetDownloadGivesEachQuadOnce() {
        HttpResponse<String> r = get(server.graphStoreURL(), "application/n-quads");
        assertEquals(200, r.statusCode());
        List<String> lines = r.body().lines().filter(l -> !l.isBlank()).toList();
        long stored = org.apache.jena.system.Txn.calculateRead(kb.datasetGraph(),
                () -> (long) kb.datasetGraph().stream().filter(q -> !q.isDefaultGraph()).count());
        assertEquals(stored, lines.size());
        assertEquals(lines.size(), Set.copyOf(lines).size(), "no quad twice");
        assertTrue(lines.stream().allMatch(l -> l.trim().split(" ").length >= 4), "every line names its graph");
    }

    // -- Service description tests ------------------------------------------------------------

    private static final String SD = ServiceDescription.SD;

    private Model serviceDescription(String url, String accept, Lang lang) {
        HttpResponse<String> r = get(url, accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith(accept), contentType(r));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(lang).parse(m);
        return m;
    }

    @Test
    void getOnTheEndpointReturnsRdf() {
        for (Object[] format : new Object[][] {{"text/turtle", Lang.TURTLE}, {"application/rdf+xml", Lang.RDFXML},
                {"application/ld+json", Lang.JSONLD}, {"application/n-triples", Lang.NTRIPLES}}) {
            Model m = serviceDescription(server.sparqlURL(), (String) format[0], (Lang) format[1]);
            assertFalse(m.isEmpty(), (String) format[0]);
        }
    }

    @Test
    void serviceDescriptionHasAMatchingEndpointTriple() {
        for (String url : List.of(server.sparqlURL(), server.datasetURL() + "/query", server.sparqlURL() + "/")) {
            Model m = serviceDescription(url, "text/turtle", Lang.TURTLE);
            String endpoint = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            assertTrue(m.contains(null, m.createProperty(SD, "endpoint"), m.createResource(endpoint)), url);
        }
    }

    @Test
    void serviceDescriptionConformsToTheVocabulary() {
        Model m = serviceDescription(server.sparqlURL(), "text/turtle", Lang.TURTLE);
        List<Resource> services = m.listSubjectsWithProperty(RDF.type, m.createResource(SD + "Service")).toList();
        assertEquals(1, services.size());
        Resource service = services.get(0);
        assertTrue(service.hasProperty(m.createProperty(SD, "supportedLanguage"), m.createResource(SD + "SPARQL11Query")));
        assertTrue(service.hasProperty(m.createProperty(SD, "feature"), m.createResource(SD + "UnionDefaultGraph")));
        assertFalse(service.hasProperty(m.createProperty(SD, "feature"), m.createResource(SD + "BasicFederatedQuery")),
                "SERVICE is off");
        Resource dataset = service.getPropertyResourceValue(m.createProperty(SD, "defaultDataset"));
        assertTrue(dataset.hasProperty(RDF.type, m.createResource(SD + "Dataset")));
        assertEquals("https://w3id.org/parley/kb", dataset.getURI(), "the VoID dataset of the knowledge base");
        assertTrue(dataset.hasProperty(m.createProperty("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
                m.createResource(server.serverURL() + ".well-known/void")));
        service.listProperties(m.createProperty(SD, "resultFormat"))
               .forEachRemaining(s -> assertTrue(s.getObject().isURIResource()
                       && s.getResource().getURI().startsWith("http://www.w3.org/ns/formats/"), s.toString()));
    }
}
