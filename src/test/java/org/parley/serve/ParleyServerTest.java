package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A read-only server (the default): queries, results formats, the UI endpoints, what is closed. */
class ParleyServerTest extends ServerTestBase {

    @BeforeEach
    void startServer() {
        start(TestData.negotiation());
    }

    @Test
    void pingAnswersWhenStarted() {
        HttpResponse<String> r = get(url("/$/ping"), null);
        assertEquals(200, r.statusCode());
        assertTrue(server.port() > 0);
        assertTrue(server.sparqlURL().startsWith("http://127.0.0.1:" + server.port() + "/parley/"));
    }

    @Test
    void selectAnsweredInJson() {
        HttpResponse<String> r = query(TestData.HAMAS_DEMANDS, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/sparql-results+json"), contentType(r));
        JsonArray rows = JSON.parse(r.body()).getObj("results").get("bindings").getAsArray();
        assertEquals(2, rows.size());
        assertEquals("Hamas demands a permanent end to the war",
                rows.get(0).getAsObject().getObj("label").getString("value"));
    }

    @Test
    void selectAnsweredInCsv() {
        HttpResponse<String> r = query(TestData.HAMAS_DEMANDS, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/csv"), contentType(r));
        List<String> lines = r.body().lines().toList();
        assertEquals(List.of(
                "position,label",
                "https://w3id.org/parley/test/p1,Hamas demands a permanent end to the war",
                "https://w3id.org/parley/test/p2,Hamas demands guarantees that the deal reaches its last phase"),
                lines);
    }

    @Test
    void selectAnsweredInXmlAndTsv() {
        HttpResponse<String> xml = query(TestData.HAMAS_DEMANDS, "application/sparql-results+xml");
        assertEquals(200, xml.statusCode());
        assertTrue(contentType(xml).startsWith("application/sparql-results+xml"), contentType(xml));
        assertTrue(xml.body().contains("<literal xml:lang=\"en\">Hamas demands a permanent end to the war</literal>"),
                xml.body());

        HttpResponse<String> tsv = query(TestData.HAMAS_DEMANDS, "text/tab-separated-values");
        assertEquals(200, tsv.statusCode());
        assertTrue(contentType(tsv).startsWith("text/tab-separated-values"), contentType(tsv));
        assertEquals("?position\t?label", tsv.body().lines().findFirst().orElseThrow());
    }

    @Test
    void constructAnsweredInTurtleAndJsonLd() {
        String construct = TestData.PREFIXES + """
                CONSTRUCT { ?p parley:hasParty ?party } WHERE { ?p a parley:Position ; parley:hasParty ?party }
                """;
        HttpResponse<String> ttl = query(construct, "text/turtle");
        assertEquals(200, ttl.statusCode(), ttl.body());
        assertTrue(contentType(ttl).startsWith("text/turtle"), contentType(ttl));
        assertEquals(3, parse(ttl.body(), Lang.TURTLE).size());

        HttpResponse<String> jsonld = query(construct, "application/ld+json");
        assertEquals(200, jsonld.statusCode(), jsonld.body());
        assertTrue(contentType(jsonld).startsWith("application/ld+json"), contentType(jsonld));
        assertEquals(3, parse(jsonld.body(), Lang.JSONLD).size());
    }

    @Test
    void describeAnsweredInTurtle() {
        HttpResponse<String> r = query("DESCRIBE <https://w3id.org/parley/test/hamas>", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = parse(r.body(), Lang.TURTLE);
        assertEquals(2, m.size(), r.body());
    }

    @Test
    void queryEndpointAlsoAtSlashQueryAndByPost() {
        HttpResponse<String> viaQuery = get(server.datasetURL() + "/query?query=" + encode("ASK { ?s ?p ?o }"),
                "application/sparql-results+json");
        assertEquals(200, viaQuery.statusCode());
        assertTrue(viaQuery.body().contains("true"));

        HttpResponse<String> viaPost = post(server.sparqlURL(), "application/sparql-query",
                "ASK { ?s ?p ?o }", null, null);
        assertEquals(200, viaPost.statusCode());
        assertTrue(viaPost.body().contains("true"));
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() {
        // Labels live in three different named graphs; no GRAPH clause is needed to join them.
        HttpResponse<String> r = query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv");
        assertEquals(List.of("n", "22"), r.body().lines().toList());
        HttpResponse<String> joined = query(TestData.HAMAS_DEMANDS, "text/csv");
        assertEquals(3, joined.body().lines().count());
        // Named graphs still answer on their own.
        HttpResponse<String> graphs = query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                "text/csv");
        assertEquals(List.of("g,n",
                "https://w3id.org/parley/graph/actors,4",
                "https://w3id.org/parley/graph/concepts,6",
                "https://w3id.org/parley/graph/report-000,12"), graphs.body().lines().toList());
    }

    @Test
    void graphStoreReadServesNamedAndDefaultGraphs() {
        HttpResponse<String> named = get(server.graphStoreURL() + "?graph=" + encode(TestData.GRAPH + "actors"),
                "text/turtle");
        assertEquals(200, named.statusCode(), named.body());
        assertEquals(4, parse(named.body(), Lang.TURTLE).size());

        HttpResponse<String> dft = get(server.graphStoreURL() + "?default", "application/n-triples");
        assertEquals(200, dft.statusCode(), dft.body());
        assertEquals(22, parse(dft.body(), Lang.NTRIPLES).size());
    }

    @Test
    void malformedQueryIs400WithTheParserMessage() {
        HttpResponse<String> r = query("SELECT * WHERE { ?s ?p }", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Encountered"), r.body());
        assertTrue(r.body().contains("line 1"), r.body());
    }

    @Test
    void corsHeaderOnQueryResponses() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.sparqlURL() + "?query=" + encode("ASK {}")))
                .header("Origin", "https://example.org")
                .header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(10))
                .GET().build();
        HttpResponse<String> r = send(request);
        assertEquals(200, r.statusCode());
        String allowed = r.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
        assertTrue("*".equals(allowed) || "https://example.org".equals(allowed), "Access-Control-Allow-Origin: " + allowed);
        // Never with the browser's credentials.
        assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").orElse("false").equals("true"));
    }

    @Test
    void corsPreflightAllowsQueryingOnly() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.sparqlURL()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
        assertEquals(200, r.statusCode());
        String methods = r.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(methods.contains("POST") && !methods.contains("PUT") && !methods.contains("DELETE"), methods);
        assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").orElse("false").equals("true"));
    }

    @Test
    void readOnlyByDefault() {
        String insert = "INSERT DATA { GRAPH <" + TestData.GRAPH + "x> { <urn:a> <urn:b> <urn:c> } }";
        // No update endpoint at all ...
        HttpResponse<String> update = post(server.updateURL(), "application/sparql-update", insert, null, null);
        assertTrue(update.statusCode() == 404 || update.statusCode() == 405, "update: " + update.statusCode());
        // ... nor an update through the query endpoint or the dataset itself ...
        HttpResponse<String> viaQuery = post(server.sparqlURL(), "application/sparql-update", insert, null, null);
        assertTrue(viaQuery.statusCode() >= 400 && viaQuery.statusCode() < 500, "sparql: " + viaQuery.statusCode());
        HttpResponse<String> viaDataset = post(server.datasetURL(), "application/sparql-update", insert, null, null);
        assertTrue(viaDataset.statusCode() >= 400 && viaDataset.statusCode() < 500, "dataset: " + viaDataset.statusCode());
        // ... nor a Graph Store write or upload.
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(server.graphStoreURL() + "?default"))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build());
        assertEquals(405, put.statusCode());
        HttpResponse<String> postData = post(server.graphStoreURL() + "?default", "text/turtle",
                "<urn:a> <urn:b> <urn:c> .", null, null);
        assertEquals(405, postData.statusCode());
        HttpResponse<String> upload = post(server.datasetURL() + "/upload", "text/turtle",
                "<urn:a> <urn:b> <urn:c> .", null, null);
        assertTrue(upload.statusCode() == 404 || upload.statusCode() == 405, "upload: " + upload.statusCode());
        assertEquals(List.of("n", "22"), query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv").body().lines().toList());
    }

    @Test
    void dataValidatorIsNotOffered() {
        // Parsing JSON-LD fetches remote @context URLs: an anonymous /$/validate/data would let
        // anyone make the server fetch URLs. The UI does not use it.
        String jsonld = "{\"@context\": \"http://127.0.0.1:1/ctx\", \"@id\": \"urn:x\"}";
        HttpResponse<String> r = post(url("/$/validate/data?languageSyntax=JSON-LD"), "application/ld+json", jsonld,
                null, null);
        assertTrue(r.statusCode() == 404 || r.statusCode() == 405, "status " + r.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/$/datasets", "/$/datasets/parley", "/$/backup/parley", "/$/backups-list",
                            "/$/compact/parley", "/$/tasks", "/$/metrics", "/$/reload", "/$/sleep"})
    void adminOperationsAreNotThere(String path) {
        HttpResponse<String> get = get(url(path), "application/json");
        HttpResponse<String> postIt = post(url(path), "application/x-www-form-urlencoded",
                "dbName=evil&dbType=mem", null, null);
        HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(url(path))).DELETE().build());
        for (HttpResponse<String> r : List.of(get, postIt, delete)) {
            assertTrue(List.of(401, 403, 404, 405).contains(r.statusCode()),
                    r.request().method() + " " + path + " -> " + r.statusCode());
        }
        // Nothing was created.
        HttpResponse<String> status = get(url("/$/server"), "application/json");
        assertFalse(status.body().contains("evil"));
    }

    @Test
    void serverStatusListsTheDatasetAndItsEndpointsForTheUi() {
        HttpResponse<String> r = get(url("/$/server"), "application/json");
        assertEquals(200, r.statusCode());
        JsonObject json = JSON.parse(r.body());
        JsonArray datasets = json.get("datasets").getAsArray();
        assertEquals(1, datasets.size());
        JsonObject ds = datasets.get(0).getAsObject();
        assertEquals("/parley", ds.getString("ds.name"));
        String services = ds.get("ds.services").toString();
        assertTrue(services.contains("\"sparql\"") && services.contains("\"query\"") && services.contains("\"get\""),
                services);
        assertFalse(services.contains("\"update\""), services);
    }

    @Test
    void statsAndValidatorsAnswer() {
        assertEquals(200, get(url("/$/stats/parley"), "application/json").statusCode());
        HttpResponse<String> v = post(url("/$/validate/query"), "application/x-www-form-urlencoded",
                "query=" + encode("SELECT * { ?s ?p ?o }"), null, null);
        assertEquals(200, v.statusCode(), v.body());
    }

    @Test
    void webUiIsServedAtSparql() {
        HttpResponse<String> index = get(url("/sparql/"), "text/html");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("Apache Jena Fuseki UI"), index.body());
        assertNotEquals(200, get(url("/no-such-file.js"), null).statusCode());
        assertNotEquals(200, get(url("/sparql/static/no-such-file.js"), null).statusCode());
        // The editor's script, at the path the page names relative to /sparql/.
        String script = index.body().replaceFirst("(?s).*src=\"\\./(static/[^\"]+\\.js)\".*", "$1");
        HttpResponse<String> js = get(url("/sparql/" + script), null);
        assertEquals(200, js.statusCode(), script);
        assertTrue(contentType(js).startsWith("text/javascript"), contentType(js));
        // What the editor asks relative to its path: the server's own endpoints.
        assertEquals(200, get(url("/sparql/$/server"), "application/json").statusCode());
        assertEquals(200, get(url("/sparql/$/ping"), null).statusCode());
        assertEquals(200, get(url("/sparql/$/stats/parley"), "application/json").statusCode());
        HttpResponse<String> ask = get(url("/sparql/parley/sparql?query=" + encode("ASK {}")), "application/sparql-results+json");
        assertEquals(200, ask.statusCode(), ask.body());
        assertTrue(ask.body().contains("boolean"), ask.body());
    }

    @Test
    void requestsAreNotLoggedByFusekiTwice() {
        // One line per request comes from RequestLogger; its logger must be at INFO.
        assertTrue(org.slf4j.LoggerFactory.getLogger(RequestLogger.LOGGER_NAME).isInfoEnabled());
        assertFalse(org.slf4j.LoggerFactory.getLogger("org.apache.jena.fuseki.Fuseki").isInfoEnabled());
    }

    private static Model parse(String text, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(text)).lang(lang).parse(m);
        return m;
    }

    @Test
    void theUiStartPageLeavesOutWhatTheServerRefuses() {
        HttpResponse<String> page = get(url("/sparql/"), "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Parley: actions this server refuses are not offered"), page.body());
        assertTrue(page.body().contains("a[href$=\"/upload\"]"), "read-only: no add data");
        assertTrue(page.body().contains("./static/index-"), "the UI's own scripts still load");
        assertEquals(page.body(), get(url("/sparql/index.html"), "text/html").body());
    }
}
