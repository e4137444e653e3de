package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --allow-update --password-file}: writes need basic auth; queries stay anonymous. */
class UpdateAuthTest extends ServerTestBase {

    private static final String INSERT = "INSERT DATA { GRAPH <" + TestData.GRAPH + "added> "
            + "{ <https://w3id.org/parley/test/x> <http://www.w3.org/2000/01/rdf-schema#label> \"added\" } }";
    private static final String ASK_ADDED = "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"added\" }";

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "# writers\nadmin: s3cret\n");
        // No shapes: this test is about who may write; UpdateProtocolTest checks writes against the real shapes.
        start(TestData.negotiation(), ServeOptions.builder().allowUpdate(passwords)
                .updateShapes(Shapes.parse(GraphFactory.createDefaultGraph())));
    }

    private boolean addedIsVisible() {
        HttpResponse<String> r = query(ASK_ADDED, "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        return r.body().contains("true");
    }

    @Test
    void updateWithoutCredentialsIs401AndChangesNothing() {
        HttpResponse<String> r = post(server.updateURL(), "application/sparql-update", INSERT, null, null);
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(false, addedIsVisible());
    }

    @Test
    void updateWithWrongPasswordIs401AndChangesNothing() {
        HttpResponse<String> r = post(server.updateURL(), "application/sparql-update", INSERT, "admin", "wrong");
        assertEquals(401, r.statusCode());
        HttpResponse<String> unknown = post(server.updateURL(), "application/sparql-update", INSERT, "mallory", "s3cret");
        assertEquals(401, unknown.statusCode());
        assertEquals(false, addedIsVisible());
    }

    @Test
    void updateWithCredentialsIsAcceptedAndVisible() {
        HttpResponse<String> r = post(server.updateURL(), "application/sparql-update", INSERT, "admin", "s3cret");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        assertTrue(addedIsVisible());
    }

    @Test
    void crossSiteWritesAreRefusedEvenWithCredentials() {
        // What a browser sends for a form posted from another site, with cached basic auth.
        HttpRequest forged = HttpRequest.newBuilder(URI.create(server.updateURL()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("admin", "s3cret"))
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + encode(INSERT)))
                .build();
        HttpResponse<String> r = send(forged);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("Cross-site write refused"), r.body());
        assertEquals(false, addedIsVisible());

        // The server's own pages (the UI) are same-origin and may write.
        String own = server.serverURL().substring(0, server.serverURL().length() - 1);
        HttpResponse<String> sameOrigin = send(HttpRequest.newBuilder(URI.create(server.updateURL()))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", basic("admin", "s3cret"))
                .header("Origin", own)
                .POST(HttpRequest.BodyPublishers.ofString(INSERT))
                .build());
        assertTrue(List.of(200, 204).contains(sameOrigin.statusCode()), "same origin: " + sameOrigin.statusCode());
        assertTrue(addedIsVisible());
    }

    @Test
    void graphStoreWritesNeedCredentialsToo() {
        String url = server.datasetURL() + "/data?graph=" + encode(TestData.GRAPH + "put");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> \"added\" ."));
        assertEquals(401, send(put.build()).statusCode());
        assertEquals(false, addedIsVisible());
        HttpResponse<String> ok = send(put.header("Authorization", basic("admin", "s3cret")).build());
        assertTrue(List.of(200, 201, 204).contains(ok.statusCode()), "PUT with credentials: " + ok.statusCode());
        assertTrue(addedIsVisible());
    }

    @Test
    void queriesAndReadsStayAnonymous() {
        assertEquals(200, query("ASK {}", "application/sparql-results+json").statusCode());
        assertEquals(200, get(server.graphStoreURL() + "?default", "text/turtle").statusCode());
        assertEquals(200, get(url("/"), "text/html").statusCode());
        assertEquals(200, get(url("/$/server"), "application/json").statusCode());
    }

    @Test
    void stoppingLeavesNoPasswordFileWatcherBehind() {
        server.stop();
        boolean scanner = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("Scanner"));
        assertEquals(false, scanner, "a Jetty Scanner thread is still watching the password file");
    }

    @Test
    void adminOperationsStayClosedEvenWithCredentials() {
        for (String path : List.of("/$/datasets", "/$/backup/parley", "/$/compact/parley")) {
            HttpResponse<String> r = post(url(path), "application/x-www-form-urlencoded", "dbName=x&dbType=mem",
                    "admin", "s3cret");
            assertTrue(List.of(401, 403, 404, 405).contains(r.statusCode()), path + " -> " + r.statusCode());
        }
    }

    /** The pages read the served dataset live: a committed update shows on the next page, search included. */
    @Test
    void pagesShowACommittedUpdateAtOnce() {
        String thing = "https://w3id.org/parley/kb/added-thing";
        String page = url("/kb/added-thing");
        assertEquals(404, get(page, "text/html").statusCode());
        assertTrue(get(url("/search?q=zanzibar"), "text/html").body().contains("0 results"));
        String insert = "INSERT DATA { GRAPH <" + TestData.GRAPH + "added> { <" + thing
                + "> <http://www.w3.org/2000/01/rdf-schema#label> \"Zanzibar accord\"@en } }";
        HttpResponse<String> r = post(server.updateURL(), "application/sparql-update", insert, "admin", "s3cret");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        HttpResponse<String> shown = get(page, "text/html");
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("<title>Zanzibar accord · Parley</title>"), shown.body());
        String found = get(url("/search?q=zanzibar"), "text/html").body();
        assertTrue(found.contains("href=\"/kb/added-thing\""), "search sees it: " + found.substring(found.indexOf("<main>")));
        // A second change: the label the pages keep is the new one, not a remembered old one.
        String rename = "DELETE DATA { GRAPH <" + TestData.GRAPH + "added> { <" + thing
                + "> <http://www.w3.org/2000/01/rdf-schema#label> \"Zanzibar accord\"@en } } ;"
                + "INSERT DATA { GRAPH <" + TestData.GRAPH + "added> { <" + thing
                + "> <http://www.w3.org/2000/01/rdf-schema#label> \"Pemba accord\"@en } }";
        r = post(server.updateURL(), "application/sparql-update", rename, "admin", "s3cret");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        assertTrue(get(page, "text/html").body().contains("<title>Pemba accord · Parley</title>"));
        assertTrue(get(url("/search?q=zanzibar"), "text/html").body().contains("0 results"), "the old name is no longer found");
    }
}
