package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium (Debian's chromium + chromium-driver): the query page of
 * dataset "parley" loads, runs a query about Hamas's demands on the real knowledge base, and shows
 * the expected rows; the query library's link opens a query in the editor. The screenshot of the
 * answered query page is left at {@code target/screenshots/ui-query.png}.
 *
 * <p>Without Chromium the test is skipped with a message, except under {@code CI=true}, where
 * {@code .ci/run} installs it and its absence is a failure. Selenium Manager is never used: the
 * driver and browser binaries are given explicitly, so nothing is downloaded.
 */
class UiBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** What Hamas demanded: the content of each Hamas position whose stance is demand. */
    static final String HAMAS_DEMANDS = """
            PREFIX parley: <https://w3id.org/parley/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?demand WHERE {
              ?position a parley:Position ;
                        parley:hasParty/rdfs:label "Hamas"@en ;
                        parley:hasStance parley:demand ;
                        parley:hasContent/rdfs:label ?label .
              BIND (STR(?label) AS ?demand)
            }
            ORDER BY ?demand
            """;

    /** The knowledge base served for this class; closed after its tests by JUnit. */
    @AutoClose
    private static BrowserTestServer served;
    private static ParleyServer server;
    private static List<String> expectedDemands;

    private WebDriver driver;
    /** Closed after each test by JUnit (skipped when the test was skipped before starting it). */
    @AutoClose
    private HeadlessChromium browser;

    @BeforeAll
    static void startServer() throws Exception {
        served = BrowserTestServer.start("UiBrowserTest");
        server = served.server();
        if (server == null) {
            return;
        }
        var dataset = served.kb().datasetGraph();
        expectedDemands = Txn.calculateRead(dataset, () -> {
            List<String> rows = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dataset).query(HAMAS_DEMANDS).build()) {
                RowSet rs = qe.select();
                rs.forEachRemaining(b -> rows.add(b.get("demand").getLiteralLexicalForm()));
            }
            return rows;
        });
        assertFalse(expectedDemands.isEmpty(), "the knowledge base has no demands by Hamas to look for");
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = served.browser("1280,1500");
        driver = browser.driver();
    }

    @Test
    void queryPageRunsAQueryAboutHamasDemands() throws IOException {
        driver.get(server.uiURL());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        // The endpoint the UI chose comes from /$/server.
        String endpoint = driver.findElement(By.cssSelector("input[type='text']")).getDomProperty("value");
        assertTrue(endpoint.endsWith("/parley/sparql") || endpoint.endsWith("/parley/query"),
                "query endpoint in the UI: " + endpoint);

        // Set the query in the editor (typing would fight CodeMirror's auto-close) and run it.
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue(arguments[0]);", HAMAS_DEMANDS);
        driver.findElement(By.cssSelector(".yasqe_queryButton")).click();

        List<String> shown = resultColumn(wait);
        assertEquals(new TreeSet<>(expectedDemands), new TreeSet<>(shown), "rows in the UI's results table");
        browser.screenshot("ui-query.png");
    }

    @Test
    void queryLibraryOpensAQueryInTheEditor() {
        driver.get(server.queriesURL());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//li[a/code[text()='who-demanded-what.rq']]/a[text()='open in the query editor']")));
        link.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('.yasqe .CodeMirror').CodeMirror.getValue();"))
                .contains("parley:hasStance parley:demand"));
        driver.findElement(By.cssSelector(".yasqe_queryButton")).click();
        List<String> shown = resultColumn(wait);
        assertFalse(shown.isEmpty(), "who-demanded-what.rq showed no rows");
    }

    /**
     * The read-only server offers no action it would refuse: no "manage" menu, no "add data" or
     * "edit" on the dataset list or the dataset's tabs; and the management page, asked for by
     * address, gives way to the query page.
     */
    @Test
    void refusedActionsAreNotOffered() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.get(server.serverURL() + "sparql/#/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='query']")));
        assertTrue(visibleWithText("button", "query"), "the query action is offered");
        wait.until(d -> !visibleWithText("button", "add data"));
        assertFalse(visibleWithText("button", "edit"));
        assertFalse(driver.findElement(By.cssSelector("a[href='#/manage']")).isDisplayed(), "no manage menu");
        browser.screenshot("ui-datasets.png");

        driver.get(server.uiURL());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        assertFalse(driver.findElement(By.cssSelector("a[href$='/upload']")).isDisplayed(), "no add-data tab");
        assertFalse(driver.findElement(By.cssSelector("a[href$='/edit']")).isDisplayed(), "no edit tab");

        driver.get(server.serverURL() + "sparql/#/manage");
        wait.until(d -> d.getCurrentUrl().endsWith("#/dataset/parley/query"));
    }

    private boolean visibleWithText(String tag, String text) {
        return driver.findElements(By.xpath("//" + tag + "[normalize-space()='" + text + "']")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    /** Waits for the results table and returns the text of its first data column (after the row number). */
    private List<String> resultColumn(WebDriverWait wait) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasr table.dataTable tbody tr td")));
        List<String> values = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector(".yasr table.dataTable tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.size() >= 2) {
                values.add(cells.get(1).getText().strip());
            }
        }
        return values;
    }
}
