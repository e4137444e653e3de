package org.parley.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.serve.ParleyServer;
import org.parley.serve.ServeOptions;
import org.parley.serve.TestServers;

/**
 * Parley's pages over HTTP from the real server on the real knowledge base: status, type and
 * content of the home page, a question's answer, the pages of an actor, a claim, a proposal, a
 * figure and a report, the ontology, search, and content negotiation on resource IRIs. Expected
 * content comes from reading data/*.ttl and the reports.
 */
class PagesOverHttpTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String KB = "https://w3id.org/parley/kb/";
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static LoadedKnowledgeBase kb;
    static ParleyServer server;

    @BeforeAll
    static void start() throws Exception {
        kb = KnowledgeBaseLoader.load(Path.of("."));
        server = ParleyServer.start(kb.dataset(), ServeOptions.builder().host("127.0.0.1").port(0)
                .queriesDir(Path.of("queries")).build());
    }

    @AfterAll
    static void stop() {
        TestServers.stop(server, kb);
    }

    static HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.serverURL() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> page(String path) {
        HttpResponse<String> r = get(path, HTML);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(type(r).startsWith("text/html"), path + ": " + type(r));
        assertTrue(r.headers().firstValue("Server-Timing").orElse("").startsWith("page;dur="), "Server-Timing on " + path);
        return r;
    }

    /** The page has each fragment: pairs of the HTML as served and why it should be there. */
    static void assertShows(String html, String... fragmentThenWhy) {
        for (int i = 0; i < fragmentThenWhy.length; i += 2) {
            assertTrue(html.contains(fragmentThenWhy[i]), fragmentThenWhy[i + 1]);
        }
    }

    static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    static String title(String html) {
        Matcher m = Pattern.compile("<title>(.*?)</title>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void homeSaysWhatParleyHoldsAndListsTheQuestions() {
        String html = page("/").body();
        assertEquals("Parley", title(html));
        for (String id : new String[] {"000_0778579edb871b80", "001_9922d820d04270db", "002_1e8011b04060517d",
                "003_5eda140543b3a4aa", "004_9ec5f3f7bbeb20d9"}) {
            assertTrue(html.contains("href=\"/kb/report/" + id + "\""), "report " + id + " listed");
        }
        assertShows(html, "<strong>5</strong> reports", "five reports counted", "href=\"/kb/Hamas\">Hamas</a>",
                "Hamas among the parties", "href=\"/kb/p004-witkoff-plan\"", "the Witkoff plan among the proposals",
                "href=\"/questions/who-demanded-what\"", "a question links to its answer",
                "href=\"/sparql/#/dataset/parley/query?query=", "open in the SPARQL editor", "action=\"/search\"", "search box");
    }

    @Test
    void aQuestionIsAnsweredAsATableOfLabelsLinkingToResources() {
        String html = page("/questions/who-demanded-what").body();
        assertTrue(title(html).startsWith("What did each party demand"), title(html));
        // Report 003: Taher Al-Nono, for Hamas, demands the end of Israel's campaign and more aid (c003-22).
        assertTrue(html.contains("<a href=\"/kb/t003-end-campaign-and-more-aid\">end of Israel&#39;s military campaign in Gaza"
                + " and an increase in humanitarian aid</a>"), "content shown by its label, linked");
        assertTrue(html.contains("<a href=\"/kb/TaherAlNono\">Taher Al-Nono</a>"), "speaker by label");
        assertTrue(html.contains("<a href=\"/kb/report/003_5eda140543b3a4aa\">003</a>"), "report linked");
        assertFalse(html.contains(">https://w3id.org/parley/kb/Hamas<"), "no raw IRIs as cell text");
        assertTrue(html.contains("href=\"/sparql/#/dataset/parley/query?query="), "open in the editor");
        // The parameter form narrows the answer to one party.
        String israel = page("/questions/demands-by-party?partyName=Israel").body();
        assertTrue(israel.contains("release of all the remaining women and infirm men held hostage"), "Israel's demand in 003");
        assertFalse(israel.contains("<td data-col=\"partyLabel\">Hamas</td>"), "no Hamas rows when asking for Israel");
    }

    @Test
    void hamasPageListsItsPositionsWithQuotesSpeakersAndLinks() {
        String html = page("/kb/Hamas").body();
        assertEquals("Hamas · Parley", title(html));
        assertTrue(html.contains("id=\"positions\""), "positions section");
        // c003-10: a refusal voiced by Taher Al-Nono, reported by Reuters, on a precondition.
        assertTrue(html.contains("Hamas was not willing to discuss the release of more Israeli hostages until Tel Aviv ended"),
                "the quote of c003-10/c003-22");
        assertShows(html, "<span class=\"st st-refusal\">refusal</span>", "stance refusal shown",
                "href=\"/kb/t003-end-campaign-and-more-aid\"", "precondition linked", "href=\"/kb/c003-10\"", "quote links to its claim",
                "People who speak for it", "Nono speaks for Hamas", "href=\"/kb/TaherAlNono\"", "Nono speaks for Hamas",
                "http://www.wikidata.org/entity/Q38799", "Wikidata link", "http://dbpedia.org/resource/Hamas", "DBpedia link");
    }

    @Test
    void aClaimPageShowsEverythingAndItsQuoteInContext() {
        String html = page("/kb/c003-10").body();
        // The excerpt marked inside the words before and after it in report 003.
        assertShows(html, "<dt>voiced by</dt><dd><a href=\"/kb/TaherAlNono\">Taher Al-Nono</a></dd>", "voiced by",
                "<dt>precondition</dt>", "precondition", "<mark>But Haniyeh&#39;s media adviser, Taher Al-Nono told Reuters",
                "excerpt marked", "Air Force One on Wednesday.", "context before the excerpt", "Characters 1172–1443", "offsets shown");
    }

    @Test
    void aProposalPageShowsItsAmendmentsAndWhoRejectedThem() {
        String html = page("/kb/p004-hamas-amendments").body();
        assertTrue(html.contains("<dt>amends</dt><dd><a href=\"/kb/p004-witkoff-plan\">"), "what it amends");
        assertTrue(html.contains("stance on it</h2>"), "stances section");
        // Report 004: "proposals criticized by both Israel and the United States", recorded as rejections.
        assertEquals(2, html.split("<span class=\"st st-rejection\">rejection</span>", -1).length - 1, "two rejections");
        assertTrue(html.contains("href=\"/kb/Israel\"") && html.contains("href=\"/kb/UnitedStates\""),
                "Israel and the US criticised them (report 004)");
        String witkoff = page("/kb/p004-witkoff-plan").body();
        assertTrue(witkoff.contains("<dt>amended by</dt><dd><a href=\"/kb/p004-hamas-amendments\">"), "amended by");
        String phased = page("/kb/p000-phased-approach").body();
        assertTrue(phased.indexOf("p000-phased-approach-phase-1") < phased.indexOf("p000-phased-approach-phase-2"), "phases in order");
    }

    @Test
    void aFigureShowsOtherReportsValuesWhenTheyDisagree() {
        // Report 001 says the truce "lasted until the morning of December 1"; queries/conflicting-claims.rq
        // finds report 002's "the end of the last ceasefire on Nov. 30", a different day for the same quantity.
        String html = page("/kb/c001-19").body();
        assertShows(html, "other report", "disagreement announced", "a different value", "disagreement announced",
                "<span class=\"badge\">disagrees</span>", "the other value marked",
                "the morning of December 1", "its own value", "Nov. 30", "the other value");
        // 001's "more than 200 hostages" is its own quantity (and a lower bound): nothing disagrees with it.
        assertFalse(page("/kb/c001-11").body().contains("<span class=\"badge\">disagrees</span>"), "more than 200 not contradicted");
    }

    @Test
    void report003HighlightsEveryClaimAndListsItsOutletAndSources() {
        String html = page("/kb/report/003_5eda140543b3a4aa").body();
        assertTrue(title(html).startsWith("Report 003: Hamas will not discuss hostages"), title(html));
        Set<String> claims = new TreeSet<>();
        Matcher m = Pattern.compile("<mark data-claims=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            claims.addAll(java.util.List.of(m.group(1).split(" ")));
        }
        // 22 claims in data/003_5eda140543b3a4aa.ttl (c003-01 … c003-22), each with an excerpt.
        assertEquals(22, claims.size(), claims.toString());
        assertTrue(html.contains("<mark data-claims=\"c003-17 c003-03\" class=\"depth2\">Hamas leader Ismail Haniyeh</mark>"),
                "an affiliation inside a sentence: two claims on the same words, innermost first");
        assertShows(html, "<dt>reported by</dt><dd><a href=\"/kb/Reuters\">Reuters</a></dd>", "outlet",
                "href=\"/kb/src-003-a-source\"", "the anonymous source",
                "<li id=\"c003-10\" class=\"claim\">", "claims listed for reading without JavaScript",
                "src=\"/assets/report.js\"", "the click script");
        assertEquals(200, get("/assets/report.js", null).statusCode());
        assertEquals(200, get("/assets/parley.css", null).statusCode());
    }

    @Test
    void resourceIrisAnswerRdfByContentNegotiation() {
        Node hamas = NodeFactory.createURI(KB + "Hamas");
        Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        for (Object[] c : new Object[][] {{"text/turtle", Lang.TURTLE}, {"application/ld+json", Lang.JSONLD},
                {"application/rdf+xml", Lang.RDFXML}, {"application/n-triples", Lang.NTRIPLES}}) {
            HttpResponse<String> r = get("/kb/c003-10", (String) c[0]);
            assertEquals(200, r.statusCode(), c[0] + ": " + r.body());
            assertTrue(type(r).startsWith((String) c[0]), type(r));
            assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
            Graph g = parse(r.body(), (Lang) c[1]);
            Node claim = NodeFactory.createURI(KB + "c003-10");
            assertTrue(g.contains(claim, NodeFactory.createURI("https://w3id.org/parley/ontology#hasParty"), hamas), c[0] + " party");
            assertTrue(g.contains(hamas, label, NodeFactory.createLiteralLang("Hamas", "en")), c[0] + ": the label of what it links to");
            assertTrue(g.find(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/oa#exact"), Node.ANY).hasNext(),
                    c[0] + ": the excerpt (a blank node) is part of the description");
        }
        HttpResponse<String> ttl = get("/kb/Hamas.ttl", null);
        assertEquals(200, ttl.statusCode());
        assertTrue(type(ttl).startsWith("text/turtle"));
        assertTrue(parse(ttl.body(), Lang.TURTLE).contains(hamas, label, NodeFactory.createLiteralLang("Hamas", "en")));
        HttpResponse<String> jsonld = get("/kb/report/003_5eda140543b3a4aa.jsonld", null);
        assertEquals(200, jsonld.statusCode());
        assertTrue(type(jsonld).startsWith("application/ld+json"));
        assertTrue(parse(jsonld.body(), Lang.JSONLD).contains(NodeFactory.createURI(KB + "report/003_5eda140543b3a4aa"),
                NodeFactory.createURI("http://purl.org/dc/terms/identifier"), NodeFactory.createLiteralString("003_5eda140543b3a4aa")));
        // A browser's Accept gets the page; so does no Accept at all.
        assertTrue(type(get("/kb/Hamas", HTML)).startsWith("text/html"));
        assertTrue(type(get("/kb/Hamas", null)).startsWith("text/html"));
        assertTrue(type(get("/kb/Hamas", "text/turtle;q=0.5, text/html")).startsWith("text/html"));
        assertEquals(404, get("/kb/NoSuchThing", HTML).statusCode());
        assertEquals(404, get("/kb/NoSuchThing", "text/turtle").statusCode());
    }

    @Test
    void theOntologyIsDocumentedAndAvailableAsTurtle() {
        String html = page("/ontology").body();
        assertTrue(html.contains("<section class=\"term\" id=\"Position\"><h3>position <code>parley:Position</code></h3>"), "Position");
        assertTrue(html.contains("A stance act of a party as a report gives it"), "its definition");
        assertTrue(html.contains("id=\"hasParty\""), "properties too");
        HttpResponse<String> ttl = get("/ontology", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(type(ttl).startsWith("text/turtle"));
        Graph g = parse(ttl.body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/parley/ontology#Position"),
                NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI("http://www.w3.org/2002/07/owl#Class")));
        assertEquals(200, get("/ontology.ttl", null).statusCode());
        // A term's IRI (…/ontology#Position) is the ontology page with a fragment; its links go there.
        assertTrue(page("/kb/c003-10").body().contains("href=\"/ontology#Position\""), "types link to their documentation");
    }

    @Test
    void searchFindsActorsTermsAndQuotesIgnoringCaseAccentsAndWordEnds() {
        String guarantees = page("/search?q=guarantees").body();
        assertEquals("Search: guarantees · Parley", title(guarantees));
        assertTrue(guarantees.contains("href=\"/kb/t004-us-guarantees-permanent-end\""), "a term");
        assertTrue(guarantees.contains("href=\"/kb/c004-13\""), "a quote of report 004");
        assertTrue(guarantees.contains("href=\"/kb/c000-11\""), "a quote of report 000");
        assertTrue(page("/search?q=Nono").body().contains("href=\"/kb/TaherAlNono\""), "by an alternative label");
        assertTrue(page("/search?q=n%C3%93NO").body().contains("href=\"/kb/TaherAlNono\""), "case and accents ignored");
        assertTrue(page("/search?q=guarantee").body().contains("href=\"/kb/t004-us-guarantees-permanent-end\""), "part of a word");
        String days = page("/search?q=60-day").body();
        assertTrue(days.contains("href=\"/kb/t004-hamas-60-day-ceasefire\"") && days.contains("href=\"/kb/t004-us-60-day-ceasefire\""), "60-day");
        assertTrue(page("/search?q=zzzqqq").body().contains("0 results"), "nothing found is said");
    }

    @Test
    void aReportMarksTheFiguresAnotherReportContradicts() {
        // Report 001: the truce "lasted until the morning of December 1"; report 002 gives "the end of the
        // last ceasefire on Nov. 30". (001's "more than 200 hostages" is another quantity than 002's
        // "around 240 hostages", and a lower bound that 240 meets: not marked.)
        String html = page("/kb/report/001_9922d820d04270db").body();
        assertTrue(html.contains("<li id=\"c001-19\" class=\"claim contradicted\">"), "c001-19 marked in the list");
        assertTrue(Pattern.compile("<mark data-claims=\"[^\"]*c001-19[^\"]*\" class=\"depth\\d contradicted\">").matcher(html).find(),
                "its highlight outlined");
        assertTrue(html.contains("<dt>contradicted by</dt>") && html.contains("Nov. 30"), "the other value shown");
        assertTrue(html.contains("<li id=\"c001-11\" class=\"claim\">"), "c001-11 (more than 200) not marked");
        assertFalse(page("/kb/report/003_5eda140543b3a4aa").body().contains("class=\"claim contradicted\""),
                "report 003 gives no figure another report contradicts");
    }

    @Test
    void theSameSearchIsAvailableInSparqlAsTextQuery() {
        String query = """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX parley: <https://w3id.org/parley/ontology#>
                SELECT DISTINCT ?claim { ?excerpt text:query "guarantee*" . ?claim parley:hasExcerpt ?excerpt }
                ORDER BY ?claim""";
        HttpResponse<String> r = get("/parley/sparql?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8),
                "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        // The three excerpts with "guarantees": c000-11 (report 000), c004-13 and c004-14 (report 004).
        assertEquals(java.util.List.of("claim", KB + "c000-11", KB + "c004-13", KB + "c004-14"),
                r.body().lines().map(String::strip).toList());
        String names = """
                PREFIX text: <http://jena.apache.org/text#>
                SELECT ?s { ?s text:query "nóno" }""";
        HttpResponse<String> n = get("/parley/sparql?query=" + java.net.URLEncoder.encode(names, java.nio.charset.StandardCharsets.UTF_8),
                "text/csv");
        assertTrue(n.body().contains(KB + "TaherAlNono"), "accents folded: " + n.body());
    }

    @Test
    void theEditorMovedAndEveryPageLinksToIt() {
        assertTrue(page("/kb/Hamas").body().contains("href=\"/sparql/#/dataset/parley/query\""));
        assertTrue(get("/sparql/", HTML).body().contains("Apache Jena Fuseki UI"));
        assertEquals(303, get("/index.html", HTML).statusCode());
    }

    @Test
    void pagesAreReadOnly() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(server.serverURL() + "kb/Hamas"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).header("Content-Type", "text/plain").build();
        HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, r.statusCode(), r.body());
    }

    static Graph parse(String text, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(text)).lang(lang).parse(g);
        return g;
    }

    /** The knowledge base's own IRI answers too: the home page for people, the VoID for programs. */
    @Test
    void theKnowledgeBaseIriAnswers() {
        HttpResponse<String> html = get("/kb", "text/html");
        assertTrue(html.statusCode() == 302 || html.statusCode() == 303, html.statusCode() + " " + html.body());
        assertEquals("/", html.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));
        HttpResponse<String> rdf = get("/kb", "text/turtle");
        assertEquals("/.well-known/void", rdf.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));
    }

    // Paging (issue 14): lists that grow with the corpus come a page at a time.

    /** The hrefs matching {@code pattern}'s group 1, in page order, between {@code from} and {@code to}. */
    static java.util.List<String> hrefs(String html, String from, String to, String pattern) {
        int start = html.indexOf(from);
        assertTrue(start >= 0, "no " + from);
        int end = html.indexOf(to, start);
        Matcher m = Pattern.compile(pattern).matcher(html.substring(start, end < 0 ? html.length() : end));
        java.util.List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static final String[] REPORTS = {"000_0778579edb871b80", "001_9922d820d04270db", "002_1e8011b04060517d",
            "003_5eda140543b3a4aa", "004_9ec5f3f7bbeb20d9"};

    @Test
    void reportsAreListedAPageAtATimeInIdentifierOrder() {
        String reportLink = "href=\"/kb/report/([0-9a-f_]+)\"";
        String all = page("/reports").body();
        assertEquals(java.util.List.of(REPORTS), hrefs(all, "<ul class=\"list\">", "</ul>", reportLink));
        assertTrue(all.contains("5 reports."), "the total");
        assertFalse(all.contains("rel=\"next\""), "five fit on one page");

        String second = page("/reports?page=2&size=2").body();
        assertEquals(java.util.List.of(REPORTS[2], REPORTS[3]), hrefs(second, "<ul class=\"list\">", "</ul>", reportLink));
        assertTrue(second.contains("rows 3–4 of 5"), second);
        assertTrue(second.contains("<a rel=\"prev\" href=\"/reports?page=1&amp;size=2\">"), "previous page");
        assertTrue(second.contains("<a rel=\"next\" href=\"/reports?page=3&amp;size=2\">"), "next page");
        String last = page("/reports?page=3&size=2").body();
        assertEquals(java.util.List.of(REPORTS[4]), hrefs(last, "<ul class=\"list\">", "</ul>", reportLink));
        assertFalse(last.contains("rel=\"next\""), "the last page");
        // A page past the end is empty, not an error; a size above 100 is 100.
        assertEquals(java.util.List.of(), hrefs(page("/reports?page=9&size=2").body(), "<ul class=\"list\">", "</ul>", reportLink));
        assertEquals(java.util.List.of(REPORTS), hrefs(page("/reports?size=100000").body(), "<ul class=\"list\">", "</ul>", reportLink));
        // The home page shows the first page of each list, with no link to more when all fit.
        String home = page("/").body();
        for (String id : REPORTS) {
            assertTrue(home.contains("href=\"/kb/report/" + id + "\""), id);
        }
        assertFalse(home.contains("href=\"/reports\""), "no 'all reports' link for five");
        assertTrue(page("/parties").body().contains("href=\"/kb/Hamas\">Hamas</a>"));
        assertTrue(page("/proposals").body().contains("href=\"/kb/p004-witkoff-plan\""));
    }

    /** The claims whose party is Hamas, read from data/*.ttl (not from the server). */
    static Set<String> hamasPositionsInTheData() throws IOException {
        Set<String> out = new TreeSet<>();
        Node hasParty = NodeFactory.createURI("https://w3id.org/parley/ontology#hasParty");
        Node hamas = NodeFactory.createURI(KB + "Hamas");
        try (var files = java.nio.file.Files.list(Path.of("data"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).toList()) {
                Graph g = GraphFactory.createDefaultGraph();
                RDFParser.source(f).parse(g);
                g.find(Node.ANY, hasParty, hamas).forEachRemaining(t -> out.add("/kb/" + t.getSubject().getURI().substring(KB.length())));
            }
        }
        return out;
    }

    @Test
    void anActorsPositionsArePagedInReportOrderWithNothingLostOrRepeated() throws IOException {
        Set<String> expected = hamasPositionsInTheData();
        assertTrue(expected.size() > 20, "Hamas takes many positions in the five reports: " + expected.size());
        String quote = "class=\"quote\" href=\"([^\"]+)\"";
        String full = page("/kb/Hamas").body();
        assertTrue(full.contains(expected.size() + " positions, report by report."), "the total");
        java.util.List<String> onePage = hrefs(full, "id=\"positions\"", "</table>", quote);
        assertEquals(expected, new TreeSet<>(onePage), "every position of the data, on one page of 100");
        // Report order: 000's positions first, 004's last.
        assertTrue(onePage.get(0).startsWith("/kb/c000-"), onePage.get(0));
        assertTrue(onePage.get(onePage.size() - 1).startsWith("/kb/c004-"), onePage.get(onePage.size() - 1));

        java.util.List<String> paged = new java.util.ArrayList<>();
        for (int p = 1; p <= (expected.size() + 9) / 10; p++) {
            String html = page("/kb/Hamas?page=" + p + "&size=10").body();
            java.util.List<String> rows = hrefs(html, "id=\"positions\"", "</table>", quote);
            assertEquals(p < (expected.size() + 9) / 10 ? 10 : expected.size() - 10 * (p - 1), rows.size(), "page " + p);
            assertEquals(p > 1, html.contains("rel=\"prev\""), "previous link on page " + p);
            paged.addAll(rows);
        }
        assertEquals(onePage, paged, "the pages, one after the other, are the whole list in the same order");
    }

    @Test
    void aLibraryQuestionIsPagedInItsOwnOrder() {
        String row = "<tr>(.*?)</tr>";
        String full = page("/questions/positions").body();
        java.util.List<String> all = hrefs(full, "<tbody>", "</tbody>", row);
        assertTrue(all.size() > 20, "positions has many rows: " + all.size());
        assertFalse(full.contains("rel=\"next\""), "all rows on one page of 100");
        java.util.List<String> paged = new java.util.ArrayList<>();
        for (int p = 1; paged.size() < all.size() && p < 50; p++) {
            String html = page("/questions/positions?page=" + p + "&size=25").body();
            paged.addAll(hrefs(html, "<tbody>", "</tbody>", row));
            assertEquals(paged.size() < all.size(), html.contains("rel=\"next\""), "next link on page " + p);
        }
        assertEquals(all, paged);
    }
}
