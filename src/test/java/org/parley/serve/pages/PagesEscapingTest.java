package org.parley.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.serve.ParleyServer;
import org.parley.serve.ServeOptions;

/**
 * Hostile and awkward data on the pages: a label that is a script, markup in a report's text,
 * and an excerpt after a character outside the Basic Multilingual Plane (offsets are code points,
 * Java strings are UTF-16: one emoji is one code point but two chars).
 */
class PagesEscapingTest {

    private ParleyServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A report whose text starts with an emoji, a position in it, and a party named like a script. */
    static Dataset hostile() {
        String text = "\uD83D\uDE00 Hamas said <b>no</b>. The end.";
        String exact = "Hamas said <b>no</b>.";
        int start = text.codePointCount(0, text.indexOf(exact));   // 2: the emoji and a space
        int end = start + exact.codePointCount(0, exact.length());
        String trig = """
                PREFIX parley: <https://w3id.org/parley/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX oa: <http://www.w3.org/ns/oa#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX kb: <https://w3id.org/parley/kb/>
                <https://w3id.org/parley/graph/actors> {
                  kb:evil a parley:ArmedGroup ; rdfs:label "<script>alert('x')</script> & co"@en .
                }
                <https://w3id.org/parley/graph/r1> {
                  <https://w3id.org/parley/kb/report/r1> a parley:Report ; rdfs:label "Report r1 <i>"@en ; dcterms:identifier "r1" ;
                      parley:fullText "%s" .
                  kb:pos1 a parley:Position ; parley:inReport <https://w3id.org/parley/kb/report/r1> ; parley:hasParty kb:evil ;
                      parley:hasExcerpt [ a parley:Excerpt ; oa:exact "%s" ; oa:start %d ; oa:end %d ] .
                }
                """.formatted(text.replace("\"", "\\\""), exact.replace("\"", "\\\""), start, end);
        Dataset ds = DatasetFactory.createTxnMem();
        Txn.executeWrite(ds, () -> RDFParser.create().source(new StringReader(trig)).lang(Lang.TRIG).parse(ds));
        return ds;
    }

    private HttpResponse<String> get(String path) {
        return PagesOverHttpTestAccess.get(server, path);
    }

    @Test
    void aLabelThatIsAScriptIsShownAsText() {
        server = ParleyServer.start(hostile(), ServeOptions.builder().host("127.0.0.1").port(0).build());
        String page = get("/kb/evil").body();
        assertFalse(page.contains("<script>alert"), page);
        assertTrue(page.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co · Parley</title>"), page);
        assertTrue(page.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</h1>"), page);
        String search = get("/search?q=alert").body();
        assertFalse(search.contains("<script>alert"), search);
        assertTrue(search.contains("href=\"/kb/evil\">&lt;script&gt;"), search);
        String report = get("/kb/report/r1").body();
        assertFalse(report.contains("<script>alert") || report.contains("<b>no</b>") || report.contains("<i>"), report);
        String home = get("/").body();
        assertFalse(home.contains("<script>alert") || home.contains("<i>"), home);
    }

    @Test
    void excerptOffsetsAreCodePointsNotJavaChars() {
        server = ParleyServer.start(hostile(), ServeOptions.builder().host("127.0.0.1").port(0).build());
        String report = get("/kb/report/r1").body();
        assertTrue(report.contains("\uD83D\uDE00 <a class=\"hl\" href=\"#pos1\"><mark data-claims=\"pos1\" class=\"depth1\">"
                + "Hamas said &lt;b&gt;no&lt;/b&gt;.</mark></a> The end."), report);
        String claim = get("/kb/pos1").body();
        assertTrue(claim.contains("\uD83D\uDE00 <mark>Hamas said &lt;b&gt;no&lt;/b&gt;.</mark> The end."), claim);
    }

    @Test
    void utf16IndexOfACodePointOffset() {
        String text = "a\uD83D\uDE00b";
        assertEquals(0, Claims.utf16(text, 0));
        assertEquals(1, Claims.utf16(text, 1));
        assertEquals(3, Claims.utf16(text, 2));
        assertEquals(4, Claims.utf16(text, 3));
        assertEquals(4, Claims.utf16(text, 99), "clamped to the end");
    }
}
