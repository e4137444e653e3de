package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.serve.ParleyServer;
import org.parley.sheet.CsvTable;
import org.parley.sheet.SheetVocabulary;
import org.parley.validate.Problem;

import picocli.CommandLine;

/**
 * A new report added end to end, as an analyst would: add (text, metadata, pre-filled sheet), the
 * sheet refused while its candidates are unfinished (the rest still loads), corrected as in a
 * spreadsheet, validated, and answered by the positions query. The report is written for this test.
 */
class AddCommandTest {

    private static final String REPORT = String.join("\n",
            "Talks on a new truce resume in Doha",
            "Hamas rejected a proposal for a two-week pause in fighting, senior Hamas official Abu Zuhri told Reuters on Sunday.",
            "\u201CWe will not accept any deal that does not end the war,\u201D Abu Zuhri said.",
            "Two Egyptian sources said Israel had offered to release 50 Palestinian prisoners in exchange for 10 hostages.",
            "Israel's Prime Minister Benjamin Netanyahu vowed to continue the offensive until all hostages are freed.",
            "");

    @Test
    void anAnalystAddsAReportCorrectsItsSheetAndSeesItsClaimsAnswered(@TempDir Path dir) throws Exception {
        Path root = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path file = inbox.resolve("Doha Talks.txt");
        Files.writeString(file, REPORT, StandardCharsets.UTF_8);

        Cli.Run added = Cli.run("add", file.toString(), "--outlet", "Reuters", "--published", "2025-07-08",
                "--root", root.toString());
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().contains("report doha-talks"), added.out());
        Path text = root.resolve("data/reports/doha-talks.txt");
        Path sheet = root.resolve("data/sheets/doha-talks.csv");
        Path things = root.resolve("data/sheets/doha-talks.things.csv");
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(text), "the text, byte for byte");
        assertTrue(Files.readString(things).contains("report:doha-talks,dcterms:issued,2025-07-08,xsd:date"));

        // The candidates: verbatim quotes, parties and speakers from the knowledge base, the cited source.
        List<Problem> problems = new ArrayList<>();
        CsvTable candidates = CsvTable.parse("doha-talks.csv", Files.readAllBytes(sheet), problems);
        assertEquals(List.of(), problems);
        assertEquals(SheetVocabulary.HEADERS, candidates.header());
        assertTrue(candidates.rows().size() >= 4, "one candidate per attributed sentence");
        for (CsvTable.Row row : candidates.rows()) {
            assertTrue(REPORT.contains(cell(candidates, row, "quote")), "verbatim: " + cell(candidates, row, "quote"));
        }
        CsvTable.Row rejection = rowQuoting(candidates, "Hamas rejected").orElseThrow();
        assertEquals("Hamas", cell(candidates, rejection, "party"));
        assertEquals("Abu Zuhri", cell(candidates, rejection, "speaker"));
        assertEquals("rejection", cell(candidates, rejection, "stance"));
        assertEquals("Reuters", cell(candidates, rejection, "outlet"));
        CsvTable.Row quoted = rowQuoting(candidates, "We will not accept").orElseThrow();
        assertEquals("Hamas", cell(candidates, quoted, "party"), "Abu Zuhri acts for Hamas (the knowledge base's affiliation)");
        assertEquals("directQuote", cell(candidates, quoted, "mode"));
        assertEquals("not", cell(candidates, quoted, "negation_cue"));
        CsvTable.Row sourced = rowQuoting(candidates, "Two Egyptian sources").orElseThrow();
        assertEquals("Two Egyptian sources", cell(candidates, sourced, "cited_source"));
        assertEquals("2", cell(candidates, sourced, "source_count"));
        assertEquals("Egypt", cell(candidates, sourced, "source_side"));
        CsvTable.Row vow = rowQuoting(candidates, "Netanyahu vowed").orElseThrow();
        assertEquals("Israel", cell(candidates, vow, "party"));
        assertEquals("commitment", cell(candidates, vow, "stance"));
        assertEquals("affirmed", cell(candidates, vow, "polarity"));
        assertEquals("", cell(candidates, rejection, "polarity"), "a negation cue: the analyst decides");
        assertTrue(cell(candidates, vow, "note").contains("until all hostages are freed"), "the precondition cue");

        // Unfinished (no content named): refused with row:column problems, and the rest still loads.
        Cli.Run unfinished = Cli.run("validate", "--root", root.toString());
        assertEquals(1, unfinished.exitCode());
        assertTrue(unfinished.out().contains("data/sheets/doha-talks.csv:" + (rejection.number()) + ":"
                + (SheetVocabulary.HEADERS.indexOf("content") + 1) + ": [sheet] a position needs its content"), unfinished.out());
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(root)) {
            assertFalse(kb.warnings().isEmpty());
            assertTrue(kb.graphSizes().keySet().stream().noneMatch(g -> g.endsWith("/doha-talks")), "nothing of the sheet");
            assertTrue(kb.graphSizes().keySet().stream().anyMatch(g -> g.endsWith("/003_5eda140543b3a4aa")), "the rest");
        }

        // The analyst's corrections: name what each kept claim is about, delete the rest.
        List<List<String>> kept = new ArrayList<>();
        kept.add(edited(candidates, rejection, Map.of("content", "two-week pause in fighting", "note", "",
                "polarity", "affirmed")));
        kept.add(edited(candidates, vow, Map.of("content", "continuing the offensive until all hostages are freed",
                "precondition", "", "note", "")));
        Files.writeString(sheet, CsvTable.write(candidates.header(), kept), StandardCharsets.UTF_8);
        Files.writeString(things, Files.readString(things)
                + "t-doha-two-week-pause,type,Term,\r\n"
                + "t-doha-two-week-pause,label,two-week pause in fighting,\r\n"
                + "t-doha-two-week-pause,hasTermType,temporary ceasefire,\r\n"
                + "t-doha-continue-offensive,type,Term,\r\n"
                + "t-doha-continue-offensive,label,continuing the offensive until all hostages are freed,\r\n"
                + "t-doha-continue-offensive,hasTermType,military pressure,\r\n", StandardCharsets.UTF_8);

        Cli.Run valid = Cli.run("validate", "--root", root.toString());
        assertEquals(0, valid.exitCode(), valid.out());

        Cli.Run positions = Cli.run("query", "positions", "--format", "csv", "--root", root.toString());
        assertEquals(0, positions.exitCode(), positions.err());
        List<String> rows = positions.outLines().stream().filter(l -> l.startsWith("doha-talks,")).toList();
        assertEquals(2, rows.size(), positions.out());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",Hamas,") && r.contains(",rejection,")
                && r.contains("two-week pause in fighting") && r.contains("Hamas rejected a proposal")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",Israel,") && r.contains(",commitment,")
                && r.contains("Benjamin Netanyahu")), rows.toString());

        // And the server answers the library's positions query with them, over HTTP.
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve);
        StringWriter serveOut = new StringWriter();
        cli.setOut(new PrintWriter(serveOut, true));
        cli.setErr(new PrintWriter(serveOut, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0", "--root", root.toString()));
        Optional<ParleyServer> ready = serve.whenReady().get(180, TimeUnit.SECONDS);
        assertTrue(ready.isPresent(), "serve did not start: " + serveOut);
        try {
            String query = Files.readString(root.resolve("queries/positions.rq"));
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(ready.get().sparqlURL() + "?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals(2, answer.body().lines().filter(l -> l.startsWith("doha-talks,")).count(), answer.body());
        } finally {
            serve.stop();
        }
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), serveOut.toString());
    }

    @Test
    void anExistingReportOrABadDateIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path root = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path file = dir.resolve("x.txt");
        Files.writeString(file, REPORT);
        Cli.Run taken = Cli.run("add", file.toString(), "--outlet", "Reuters", "--id", "003_5eda140543b3a4aa",
                "--root", root.toString());
        assertEquals(1, taken.exitCode());
        assertTrue(taken.err().contains("already exists"), taken.err());
        Cli.Run badDate = Cli.run("add", file.toString(), "--outlet", "Reuters", "--published", "8 July", "--root", root.toString());
        assertEquals(1, badDate.exitCode());
        assertTrue(badDate.err().contains("YYYY-MM-DD"), badDate.err());
        assertFalse(Files.exists(root.resolve("data/reports/x.txt")));
        assertFalse(Files.exists(root.resolve("data/sheets")));
    }

    private static Optional<CsvTable.Row> rowQuoting(CsvTable table, String words) {
        return table.rows().stream().filter(r -> cell(table, r, "quote").contains(words)).findFirst();
    }

    private static String cell(CsvTable table, CsvTable.Row row, String column) {
        return row.cell(table.indexOf(column));
    }

    private static List<String> edited(CsvTable table, CsvTable.Row row, Map<String, String> changes) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            cells.add(changes.getOrDefault(table.header().get(i), row.cell(i)));
        }
        return cells;
    }
}
