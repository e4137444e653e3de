package org.parley.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.serve.BrowserTestServer;
import org.parley.serve.HeadlessChromium;
import org.parley.serve.ParleyServer;

/**
 * Parley's pages in a real headless Chromium (Debian's chromium and chromium-driver, as
 * UiBrowserTest): a question answered as a table from the home page, Hamas's positions with their
 * quotes, report 003's highlights and the claim a click shows, search from the box, and the
 * pictures counted against the data. Screenshots at 1400×900 and 390 px wide are left in
 * {@code target/screenshots/pages-*.png}.
 *
 * <p>Without Chromium the tests are skipped with a message, except under {@code CI=true}.
 */
class PagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static final String PREFIXES = """
            PREFIX parley: <https://w3id.org/parley/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    /** The knowledge base served for this class; closed after its tests by JUnit. */
    @AutoClose
    private static BrowserTestServer served;
    private static ParleyServer server;

    private WebDriver driver;
    /** Closed after each test by JUnit (skipped when the test was skipped before starting it). */
    @AutoClose
    private HeadlessChromium browser;

    @BeforeAll
    static void startServer() throws Exception {
        served = BrowserTestServer.start("PagesBrowserTest");
        server = served.server();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = served.browser("1400,900");
        driver = browser.driver();
    }

    /** The number of rows a SELECT gives on the loaded knowledge base. */
    private static long rows(String query) {
        var dataset = served.kb().datasetGraph();
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(QueryFactory.create(query)).build()) {
                long n = 0;
                for (var rs = exec.select(); rs.hasNext(); rs.next()) {
                    n++;
                }
                return n;
            }
        });
    }

    private void open(String path) {
        driver.get(server.serverURL() + path.substring(1));
    }

    @Test
    void homeAnswersALibraryQuestionAsATable() throws IOException {
        open("/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        browser.screenshot("pages-home.png");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/questions/who-demanded-what']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.answer tbody")));
        List<WebElement> shown = driver.findElements(By.cssSelector("table.answer tbody tr"));
        long expected = rows(Files.readString(Path.of("queries", "who-demanded-what.rq")));
        assertEquals(expected, shown.size(), "one table row per answer row");
        // Report 003: Hamas, through Taher Al-Nono, demands an end to the campaign and more aid.
        boolean found = shown.stream().anyMatch(tr -> tr.getText().contains("Taher Al-Nono")
                && tr.getText().contains("end of Israel's military campaign in Gaza and an increase in humanitarian aid"));
        assertTrue(found, "the demand of c003-22 is a row");
        WebElement party = driver.findElement(By.cssSelector("table.answer td[data-col=party] a"));
        assertTrue(party.getDomAttribute("href").startsWith("/kb/"), "rows link to resources");
        browser.screenshot("pages-question.png");
    }

    @Test
    void hamasPageListsItsPositionsWithQuotes() throws IOException {
        open("/kb/Hamas");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.positions")));
        List<WebElement> rows = driver.findElements(By.cssSelector("table.positions tbody tr"));
        long expected = rows(PREFIXES + "SELECT DISTINCT ?p { ?p parley:hasParty <https://w3id.org/parley/kb/Hamas> }");
        assertEquals(expected, rows.size(), "one row per position of Hamas");
        for (WebElement row : rows) {
            String quote = row.findElement(By.cssSelector("a.quote")).getText();
            assertTrue(quote.length() > 10, "every position shows its quote: " + row.getText());
        }
        assertTrue(rows.stream().anyMatch(r -> r.getText().contains("refusal")
                && r.getText().contains("not willing to discuss the release of more Israeli hostages")), "c003-10");
        browser.screenshot("pages-hamas.png");
        phone();
        browser.screenshot("pages-hamas-phone.png");
    }

    @Test
    void report003HighlightsItsClaimsAndAClickShowsOne() throws IOException {
        open("/kb/report/003_5eda140543b3a4aa");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-text mark")));
        List<WebElement> marks = driver.findElements(By.cssSelector("#report-text mark[data-claims]"));
        assertFalse(marks.isEmpty());
        WebElement panel = driver.findElement(By.id("claim-panel"));
        assertFalse(panel.isDisplayed(), "no claim shown before a click");
        WebElement nono = marks.stream().filter(m -> m.getText().startsWith("Hamas was not willing to discuss")).findFirst()
                .orElseThrow(() -> new AssertionError("no highlight on Nono's paraphrase"));
        nono.click();
        wait.until(ExpectedConditions.visibilityOf(panel));
        String shown = panel.getText();
        assertTrue(shown.contains("c003-22") && shown.contains("c003-10"), "the claims on these words: " + shown);
        assertTrue(shown.contains("Taher Al-Nono") && shown.contains("Reuters"), shown);
        assertFalse(panel.findElements(By.cssSelector("a[href='/kb/c003-22']")).isEmpty(), "links to the claim");
        assertTrue(driver.getCurrentUrl().endsWith("/kb/report/003_5eda140543b3a4aa"), "the click stays on the page");
        browser.screenshot("pages-report-003.png");
        phone();
        nono = driver.findElements(By.cssSelector("#report-text mark[data-claims]")).stream()
                .filter(m -> m.getText().startsWith("Hamas was not willing")).findFirst().orElseThrow();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", nono);
        browser.screenshot("pages-report-003-phone.png");
    }

    @Test
    void searchFromTheBoxFindsGuarantees() throws IOException {
        open("/kb/Hamas");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header input[name=q]")));
        box.sendKeys("guarantees");
        box.submit();
        wait.until(ExpectedConditions.titleContains("Search: guarantees"));
        assertFalse(driver.findElements(By.cssSelector("a[href='/kb/t004-us-guarantees-permanent-end']")).isEmpty(), "a term");
        assertFalse(driver.findElements(By.cssSelector("a[href='/kb/c004-13']")).isEmpty(), "a quote");
        browser.screenshot("pages-search.png");
    }

    @Test
    void picturesDrawTheNetworkTimelineAndSourcingFromTheData() throws IOException {
        open("/pictures");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(d -> "drawn".equals(d.findElement(By.tagName("body")).getDomAttribute("data-pictures")));
        // Network: one node per party and per thing a party takes a position on; one edge per
        // (party, stance, content).
        long nodes = rows(PREFIXES + """
                SELECT DISTINCT ?x {
                  { ?p a parley:Position ; parley:hasParty ?x ; parley:hasContent ?content }
                  UNION { ?p a parley:Position ; parley:hasParty ?party ; parley:hasContent ?x } }""");
        long edges = rows(PREFIXES + """
                SELECT DISTINCT ?party ?stance ?content { ?p a parley:Position ; parley:hasParty ?party ;
                  parley:hasStance ?stance ; parley:hasContent ?content }""");
        assertEquals(nodes, driver.findElements(By.cssSelector("#network-chart g.node")).size(), "network nodes");
        assertEquals(edges, driver.findElements(By.cssSelector("#network-chart line.edge")).size(), "network edges");
        long parties = rows(PREFIXES + "SELECT DISTINCT ?party { ?p a parley:Position ; parley:hasParty ?party }");
        assertEquals(parties, driver.findElements(By.cssSelector("#network-chart g.node.party")).size(), "party nodes");
        // Timeline: one mark per position and party; the supersession of report 000 drawn.
        long marks = rows(PREFIXES + "SELECT ?p ?party { ?p a parley:Position ; parley:hasParty ?party ; parley:inReport ?r }");
        assertEquals(marks, driver.findElements(By.cssSelector("#timeline-chart .mark")).size(), "timeline marks");
        // The crosses are filled shapes a reader can see: a filled open path (d3's symbolX, lines only)
        // drew nothing. A filled path must close (Z), or have a stroke.
        Object invisible = ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "'#timeline-chart path.mark')).filter(m => !/z/i.test(m.getAttribute('d'))"
                + " && (m.getAttribute('stroke') || 'none') === 'none').length;");
        assertEquals(0L, ((Number) invisible).longValue(), "timeline marks drawn as open paths without a stroke");
        assertFalse(driver.findElements(By.cssSelector("#timeline-chart path.mark")).isEmpty(), "rejections and refusals as crosses");
        long supersessions = rows(PREFIXES + """
                SELECT ?p ?party { ?p parley:supersedes ?old ; parley:hasParty ?party . ?old parley:hasParty ?party }""");
        assertEquals(supersessions, driver.findElements(By.cssSelector("#timeline-chart path.supersedes")).size());
        // Sourcing: every outlet that reports a claim is a node of the first column.
        long outlets = rows(PREFIXES + "SELECT DISTINCT ?o { ?c parley:inReport ?r ; parley:reportedBy ?o }");
        assertEquals(outlets, ((Number) ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(document.getElementById('pictures-data').textContent).sourcing.nodes"
                        + ".filter(function (n) { return n.column === 0; }).length;")).longValue());
        assertTrue(driver.findElements(By.cssSelector("#sourcing-chart a.node")).size() > outlets, "sources, speakers, parties too");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('network').scrollIntoView();");
        browser.screenshot("pages-pictures.png");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('timeline').scrollIntoView();");
        browser.screenshot("pages-timeline.png");
        // Clicking a party's node opens its page.
        WebElement hamas = (WebElement) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#network-chart g.node.party'))"
                        + ".find(function (g) { return g.querySelector('text').textContent === 'Hamas'; }).querySelector('circle');");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", hamas);
        hamas.click();
        wait.until(ExpectedConditions.titleIs("Hamas · Parley"));
        // Filtered by report 003: only its positions.
        open("/pictures?report=003_5eda140543b3a4aa");
        wait.until(d -> "drawn".equals(d.findElement(By.tagName("body")).getDomAttribute("data-pictures")));
        long marks003 = rows(PREFIXES + """
                SELECT ?p ?party { ?p a parley:Position ; parley:hasParty ?party ;
                  parley:inReport <https://w3id.org/parley/kb/report/003_5eda140543b3a4aa> }""");
        assertEquals(marks003, driver.findElements(By.cssSelector("#timeline-chart .mark")).size(), "timeline of report 003");
    }

    private void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }
}
