package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.sheet.CsvTable;
import org.parley.sheet.SheetVocabulary;
import org.parley.validate.Problem;

/** {@code parley suggest} on report 003: the sheet's format, or a table to read. */
class SuggestCommandTest {

    private static final String REPORT = "data/reports/003_5eda140543b3a4aa.txt";

    @Test
    void csvIsAClaimSheetWithNonoSpeakingForHamas() {
        Cli.Run run = Cli.run("suggest", REPORT, "--root", ".");
        assertEquals(0, run.exitCode(), run.err());
        List<Problem> problems = new ArrayList<>();
        CsvTable table = CsvTable.parse("out.csv", run.out().getBytes(StandardCharsets.UTF_8), problems);
        assertEquals(List.of(), problems);
        assertEquals(SheetVocabulary.HEADERS, table.header());
        // "... Discussing any proposal related to prisoners must occur after the cessation of aggression," Nono said ...
        assertTrue(table.rows().stream().anyMatch(r -> r.cell(table.indexOf("quote")).endsWith("Nono said in an interview in Cairo.")
                && r.cell(table.indexOf("quote")).startsWith("\"The issue of prisoners")
                && r.cell(table.indexOf("speaker")).equals("Taher Al-Nono") && r.cell(table.indexOf("party")).equals("Hamas")
                && r.cell(table.indexOf("mode")).equals("directQuote")), run.out());
    }

    @Test
    void tableIsForReading() {
        Cli.Run run = Cli.run("suggest", REPORT, "--format", "table", "--root", ".");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("party=Hamas speaker=Taher Al-Nono"), run.out());
        assertTrue(run.err().contains("candidates from"), run.err());
    }
}
