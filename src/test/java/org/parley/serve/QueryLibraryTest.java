package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /queries}: the library's questions, raw files, and links into the UI's query editor. */
class QueryLibraryTest extends ServerTestBase {

    private static final String DEMANDS = """
            # Question: What did Hamas demand,
            #           and in which report?
            #
            # Columns: ?position ?label
            PREFIX parley: <https://w3id.org/parley/ontology#>
            SELECT * { ?position parley:hasStance ?s } ORDER BY ?position
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        Files.writeString(dir.resolve("hamas-demands.rq"), DEMANDS);
        Files.writeString(dir.resolve("no-header.rq"), "SELECT * { ?s ?p ?o } ORDER BY ?s\n");
        Files.writeString(dir.resolve("notes.txt"), "not a query");
        start(TestData.negotiation(), ServeOptions.builder().queriesDir(dir));
    }

    @Test
    void listsEachQueryWithItsQuestionAndLinks() {
        HttpResponse<String> r = get(server.queriesURL(), "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/html"), contentType(r));
        String html = r.body();
        assertTrue(html.contains("What did Hamas demand, and in which report?"), html);
        assertTrue(html.contains("href=\"/queries/hamas-demands.rq\""), html);
        assertTrue(html.contains("(no header comment)"), html);
        assertFalse(html.contains("notes.txt"), html);
        assertTrue(html.indexOf("hamas-demands.rq") < html.indexOf("no-header.rq"), "sorted by name");

        Matcher ui = Pattern.compile("href=\"(/sparql/#/dataset/parley/query\\?query=[^\"]+)\"").matcher(html);
        assertTrue(ui.find(), html);
        String encoded = ui.group(1).substring(ui.group(1).indexOf("query=") + 6);
        assertEquals(DEMANDS, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void servesTheRawQueryFile() {
        HttpResponse<String> r = get(url("/queries/hamas-demands.rq"), null);
        assertEquals(200, r.statusCode());
        assertEquals(DEMANDS, r.body());
        assertTrue(contentType(r).startsWith("text/plain"), contentType(r));
    }

    @Test
    void servesNothingElse() {
        assertEquals(404, get(url("/queries/notes.txt"), null).statusCode());
        assertEquals(404, get(url("/queries/missing.rq"), null).statusCode());
        for (String path : new String[] {"/queries/..%2Fsecret.rq", "/queries/%2e%2e/%2e%2e/etc/passwd",
                                         "/queries/sub/x.rq"}) {
            int status = get(url(path), null).statusCode();
            assertTrue(status == 400 || status == 404, path + " -> " + status);
        }
    }

    @Test
    void questionIsTheFirstParagraphOfTheHeader() {
        assertEquals("What did Hamas demand, and in which report?", QueryLibraryServlet.question(DEMANDS));
        assertEquals("Plain header", QueryLibraryServlet.question("## Plain header\n#\n# more\nSELECT"));
        assertEquals("(no header comment)", QueryLibraryServlet.question("SELECT * {}"));
    }
}
