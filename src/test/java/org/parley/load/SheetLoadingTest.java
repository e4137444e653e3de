package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.validate.Problem;
import org.parley.validate.ValidationReport;

/** Claim sheets in data/sheets/ beside the Turtle: a bad one is refused whole, the rest loads. */
class SheetLoadingTest {

    @Test
    void aBadSheetIsRefusedAndTheRestLoads(@TempDir Path dir) throws Exception {
        Path root = Fixtures.copyOfRealProject(dir);
        Files.writeString(root.resolve("data/reports/extra.txt"), "Hamas refused to talk, Abu Zuhri told Reuters.\n");
        Files.createDirectories(root.resolve("data/sheets"));
        Files.writeString(root.resolve("data/sheets/extra.csv"), "id,kind,party,stance,content,polarity,quote\r\n"
                + "c-extra-1,position,Hamaz,refusal,negotiations,affirmed,Hamas refused to talk\r\n"
                + "c-extra-2,position,Hamas,refusal,negotiations,affirmed,Hamas refused to speak\r\n");

        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(root)) {
            List<String> warnings = kb.warnings().stream().map(Problem::oneLine).toList();
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("warning: data/sheets/extra.csv:2:3: [sheet] unknown name 'Hamaz'"), warnings.get(0));
            assertTrue(warnings.get(1).startsWith("warning: data/sheets/extra.csv:3:7: [sheet] the quote is not in the report's text"),
                    warnings.get(1));
            assertTrue(kb.graphSizes().keySet().stream().noneMatch(g -> g.endsWith("/extra")), "nothing of the sheet is served");
            assertEquals(5, kb.graphSizes().keySet().stream().filter(g -> g.matches(".*/graph/00[0-4]_.*")).count(),
                    "the five reports are there");
        }
        ValidationReport report = ProjectValidator.validate(root);
        assertTrue(report.errors().stream().anyMatch(p -> p.location().equals("data/sheets/extra.csv:2:3")), report.problems().toString());
    }

    @Test
    void aReportMayNotHaveBothTurtleAndASheet(@TempDir Path dir) throws Exception {
        Path root = Fixtures.copyOfRealProject(dir);
        Files.createDirectories(root.resolve("data/sheets"));
        Files.writeString(root.resolve("data/sheets/003_5eda140543b3a4aa.csv"), "id,kind,quote\r\n");
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(root)) {
            assertEquals(1, kb.warnings().size());
            assertTrue(kb.warnings().get(0).oneLine().contains("report 003_5eda140543b3a4aa has both data/003_5eda140543b3a4aa.ttl"
                    + " and this sheet"), kb.warnings().get(0).oneLine());
            assertTrue(kb.graphSizes().keySet().stream().anyMatch(g -> g.endsWith("/003_5eda140543b3a4aa")), "the Turtle stays");
        }
    }
}
