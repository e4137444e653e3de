package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/**
 * The W3C SPARQL 1.1 Protocol update tests (sparql11/protocol/manifest.ttl), rewritten against
 * Parley's knowledge base, with what Parley adds: every update runs in one transaction and is
 * refused, with nothing changed, if the knowledge base would break the project's shapes.
 * Each test starts from a fresh load of the real knowledge base.
 */
class UpdateProtocolTest extends UpdatableServerTestBase {

    private static final String NOTES = G + "notes";

    private HttpResponse<String> update(String contentType, String body) {
        return post(server.updateURL(), contentType, body, "admin", "s3cret");
    }

    private HttpResponse<String> update(String body) {
        return update("application/sparql-update", body);
    }

    private long count(String select) {
        HttpResponse<String> r = query(select, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    private static void assertSuccess(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, r.statusCode() + " " + r.body());
    }

    private static void assertClientError(int expected, HttpResponse<String> r) {
        assertEquals(expected, r.statusCode(), r.body());
    }

    private long notes() {
        return count("SELECT (COUNT(*) AS ?n) { GRAPH <" + NOTES + "> { ?s ?p ?o } }");
    }

    private static String note(String text) {
        return "INSERT DATA { GRAPH <" + NOTES + "> { <https://w3id.org/parley/test/n> <" + RDFS.label.getURI() + "> \""
                + text + "\" } }";
    }

    @Test
    void updateViaUrlEncodedPost() {
        assertSuccess(update("application/x-www-form-urlencoded", "update=" + encode(note("form"))));
        assertEquals(1, notes());
    }

    @Test
    void updateViaPostDirectly() {
        assertSuccess(update(note("direct")));
        assertEquals(1, notes());
    }

    @Test
    void updateWithProtocolDefaultGraph() throws IOException {
        Graph actors = RDFParser.source(PROJECT.resolve("data/actors.ttl")).toGraph();
        long labels = actors.find(null, RDFS.label.asNode(), null).toList().size();
        String copy = "INSERT { GRAPH <" + NOTES + "> { ?s <urn:parley-test:label> ?o } } WHERE { ?s <" + RDFS.label.getURI() + "> ?o }";
        assertSuccess(post(server.updateURL() + "?using-graph-uri=" + encode(G + "actors"), "application/sparql-update",
                copy, "admin", "s3cret"));
        assertEquals(labels, notes(), "only the actors graph was the update's default graph");
    }

    @Test
    void updateWithProtocolDefaultGraphs() {
        String copy = "INSERT { GRAPH <" + NOTES + "> { <urn:parley-test:all> <urn:parley-test:has> ?s } } WHERE { ?s a ?t }";
        assertSuccess(update("application/x-www-form-urlencoded", "update=" + encode(copy)
                + "&using-graph-uri=" + encode(G + "actors") + "&using-graph-uri=" + encode(G + "terms")));
        long expected = count("SELECT (COUNT(DISTINCT ?s) AS ?n) { { GRAPH <" + G + "actors> { ?s a ?t } }"
                + " UNION { GRAPH <" + G + "terms> { ?s a ?t } } }");
        assertEquals(expected, notes());
    }

    @Test
    void updateWithProtocolNamedGraphs() {
        String names = "INSERT { GRAPH <" + NOTES + "> { <urn:parley-test:all> <urn:parley-test:graph> ?g } }"
                + " WHERE { GRAPH ?g { ?s ?p ?o } }";
        assertSuccess(post(server.updateURL() + "?using-named-graph-uri=" + encode(G + "actors")
                + "&using-named-graph-uri=" + encode(G + "terms"), "application/sparql-update", names, "admin", "s3cret"));
        assertEquals(2, notes());
    }

    @Test
    void updateWithProtocolDataset() {
        String both = "INSERT { GRAPH <" + NOTES + "> { <urn:parley-test:x> <urn:parley-test:y> ?n } }"
                + " WHERE { { SELECT (COUNT(*) AS ?n) { ?s ?p ?o } } }";
        assertSuccess(post(server.updateURL() + "?using-graph-uri=" + encode(G + "actors")
                + "&using-named-graph-uri=" + encode(G + "terms"), "application/sparql-update", both, "admin", "s3cret"));
        long actors = count("SELECT (COUNT(*) AS ?n) { GRAPH <" + G + "actors> { ?s ?p ?o } }");
        assertEquals(1, count("SELECT (COUNT(*) AS ?n) { GRAPH <" + NOTES + "> { ?s ?p " + actors + " } }"));
    }

    @Test
    void serviceDefinedBaseIri() {
        assertSuccess(update("INSERT DATA { GRAPH <" + NOTES + "> { <relative> <urn:parley-test:p> 1 } }"));
        assertEquals(1, count("SELECT (COUNT(*) AS ?n) { GRAPH <" + NOTES + "> { ?s ?p ?o FILTER (isIRI(?s)"
                + " && STRSTARTS(STR(?s), \"http\") && STRENDS(STR(?s), \"/relative\")) } }"));
    }

    @Test
    void badUpdateWithGet() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.updateURL() + "?update=" + encode(note("x"))))
                .header("Authorization", basic("admin", "s3cret")).GET().build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertEquals(0, notes());
    }

    @Test
    void badMultipleUpdates() {
        assertClientError(400, update("application/x-www-form-urlencoded",
                "update=" + encode(note("a")) + "&update=" + encode(note("b"))));
        assertEquals(0, notes());
    }

    @Test
    void badWrongMediaType() {
        assertClientError(415, update("text/plain", note("x")));
        assertEquals(0, notes());
    }

    @Test
    void badFormBodyWithoutFormType() {
        assertClientError(400, update("update=" + encode(note("x"))));
        assertEquals(0, notes());
    }

    @Test
    void badNonUtf8() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.updateURL()))
                .header("Authorization", basic("admin", "s3cret"))
                .header("Content-Type", "application/sparql-update; charset=UTF-16")
                .POST(HttpRequest.BodyPublishers.ofByteArray(note("x").getBytes(StandardCharsets.UTF_16))).build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertEquals(0, notes());
    }

    @Test
    void badSyntax() {
        HttpResponse<String> r = update("INSERT DATA { GRAPH <" + NOTES + "> { <a> <b> ");
        assertClientError(400, r);
        assertTrue(r.body().startsWith("The update is not valid SPARQL"), r.body());
    }

    @Test
    void badDatasetConflict() {
        HttpResponse<String> r = post(server.updateURL() + "?using-graph-uri=" + encode(G + "actors"), "application/sparql-update",
                "INSERT { GRAPH <" + NOTES + "> { ?s ?p ?o } } USING <" + G + "terms> WHERE { ?s ?p ?o }", "admin", "s3cret");
        assertClientError(400, r);
        assertEquals(0, notes());
    }

    // -- Parley's own guarantees ----------------------------------------------------------------

    @Test
    void anUpdateThatBreaksTheShapesIsRefusedAndNothingChanges() {
        long before = count(ALL_QUADS);
        // A position with no party, stance, content, report or excerpt, next to a valid note.
        HttpResponse<String> r = update("PREFIX parley: <https://w3id.org/parley/ontology#>\n"
                + note("kept only if all is valid") + ";\n"
                + "INSERT DATA { GRAPH <" + NOTES + "> { <https://w3id.org/parley/test/bad> a parley:Position } }");
        assertClientError(422, r);
        assertTrue(r.body().startsWith("Update refused") && r.body().contains("nothing was changed")
                && r.body().contains("https://w3id.org/parley/test/bad") && r.body().contains("hasParty"), r.body());
        assertEquals(before, count(ALL_QUADS), "the whole update was undone, the valid part too");
    }

    @Test
    void deletingWhatAClaimNeedsIsRefused() {
        long before = count(ALL_QUADS);
        HttpResponse<String> r = update("PREFIX parley: <https://w3id.org/parley/ontology#>\n"
                + "DELETE { GRAPH ?g { ?c parley:inReport ?r } } WHERE { GRAPH ?g { ?c parley:inReport ?r } }");
        assertClientError(422, r);
        assertEquals(before, count(ALL_QUADS));
    }

    /** The words of an excerpt must stay the report's own: a rule of the Java checks, not of SHACL. */
    @Test
    void anExcerptThatIsNotVerbatimIsRefused() {
        long before = count(ALL_QUADS);
        HttpResponse<String> r = update("PREFIX parley: <https://w3id.org/parley/ontology#>\n"
                + "PREFIX oa: <http://www.w3.org/ns/oa#>\n"
                + "DELETE { GRAPH ?g { ?e oa:start ?start } } INSERT { GRAPH ?g { ?e oa:start ?moved } }"
                + " WHERE { GRAPH ?g { <https://w3id.org/parley/kb/c003-10> parley:hasExcerpt ?e . ?e oa:start ?start }"
                + " BIND (?start + 1 AS ?moved) }");
        assertClientError(422, r);
        assertTrue(r.body().startsWith("Update refused") && r.body().contains("not verbatim")
                && r.body().contains("c003-10"), r.body());
        assertEquals(before, count(ALL_QUADS));
    }

    @Test
    void writingTheDefaultGraphIsRefusedSayingToNameAGraph() {
        long before = count(ALL_QUADS);
        HttpResponse<String> r = update("INSERT DATA { <urn:parley-test:s> <urn:parley-test:p> 1 }");
        assertClientError(400, r);
        assertTrue(r.body().contains("name a graph"), r.body());
        assertEquals(before, count(ALL_QUADS));
        assertEquals(0, count("SELECT (COUNT(*) AS ?n) { <urn:parley-test:s> ?p ?o }"));
    }

    @Test
    void clearAllAndDropAllEmptyTheKnowledgeBase() {
        assertTrue(count(ALL_QUADS) > 0);
        assertSuccess(update("CLEAR DEFAULT"));
        assertTrue(count(ALL_QUADS) > 0, "the default graph holds nothing of its own");
        assertSuccess(update("CLEAR ALL"));
        assertEquals(0, count(ALL_QUADS));
        assertSuccess(update(note("again")));
        assertSuccess(update("DROP ALL"));
        assertEquals(0, count(ALL_QUADS));
    }

    @Test
    void dropOneGraphLeavesTheOthers() {
        long terms = count("SELECT (COUNT(*) AS ?n) { GRAPH <" + G + "terms> { ?s ?p ?o } }");
        long before = count(ALL_QUADS);
        assertSuccess(update(note("n")));
        assertSuccess(update("DROP GRAPH <" + NOTES + ">"));
        assertEquals(before, count(ALL_QUADS));
        assertEquals(terms, count("SELECT (COUNT(*) AS ?n) { GRAPH <" + G + "terms> { ?s ?p ?o } }"));
    }

    @Test
    void graphStoreUploadsAreCheckedToo() {
        long before = count(ALL_QUADS);
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(server.datasetURL() + "/data?graph=" + encode(NOTES)))
                .header("Authorization", basic("admin", "s3cret")).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<https://w3id.org/parley/test/bad> a <https://w3id.org/parley/ontology#Position> ."))
                .build());
        assertClientError(422, bad);
        assertEquals(before, count(ALL_QUADS));
        HttpResponse<String> good = send(HttpRequest.newBuilder(URI.create(server.datasetURL() + "/data?graph=" + encode(NOTES)))
                .header("Authorization", basic("admin", "s3cret")).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<https://w3id.org/parley/test/n> <" + RDFS.label.getURI() + "> \"n\" ."))
                .build());
        assertSuccess(good);
        assertEquals(before + 1, count(ALL_QUADS));
    }
}
