package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley export --sheets DIR}: every report as its claim sheet and things sheet. */
class ExportSheetsCommandTest {

    @Test
    void writesTwoSheetsPerReport(@TempDir Path dir) throws Exception {
        Cli.Run run = Cli.run("export", "--sheets", dir.toString(), "--root", ".");
        assertEquals(0, run.exitCode(), run.err());
        List<String> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(10, files.size(), files.toString());
        assertTrue(files.contains("003_5eda140543b3a4aa.csv") && files.contains("003_5eda140543b3a4aa.things.csv"));
        // Nono's direct quote, as report 003 has it, in the claim sheet (CSV doubles its quote marks).
        assertTrue(Files.readString(dir.resolve("003_5eda140543b3a4aa.csv")).contains(
                "\"\"We have talked with our brothers in Egypt, outlining our stance on this aggression"));
    }
}
