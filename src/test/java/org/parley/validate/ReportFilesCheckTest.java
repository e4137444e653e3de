package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class ReportFilesCheckTest {

    @TempDir
    Path dir;

    @Test
    void pairedReportsPass() {
        assertEquals(List.of(), ProjectProblems.run(new ReportFilesCheck(), Fixtures.validProject()));
    }

    @Test
    void reportTextWithoutDataFile() {
        List<Problem> problems = ProjectProblems.run(new ReportFilesCheck(),
                Fixtures.brokenProject("report-text-without-data", dir));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ReportFilesCheck.DATA_MISSING, problems.get(0).rule());
        assertEquals("data/reports/003_cccccccccccccccc.txt", problems.get(0).location());
    }

    @Test
    void reportDataFileWithoutText() {
        List<Problem> problems = ProjectProblems.run(new ReportFilesCheck(),
                Fixtures.brokenProject("report-data-without-text", dir));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ReportFilesCheck.TEXT_MISSING, problems.get(0).rule());
        assertEquals("data/003_cccccccccccccccc.ttl:6 <https://w3id.org/parley/kb/report/003_cccccccccccccccc>", problems.get(0).location());
    }

    @Test
    void identifierMustMatchTheFile() {
        Path project = Fixtures.copyOfValidProject(dir);
        Fixtures.edit(project.resolve("data/002_bbbbbbbbbbbbbbbb.ttl"),
                "dcterms:identifier \"002_bbbbbbbbbbbbbbbb\"", "dcterms:identifier \"002\"");

        List<Problem> problems = ProjectProblems.run(new ReportFilesCheck(), project);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ReportFilesCheck.IDENTITY, problems.get(0).rule());
        assertEquals("write \"002_bbbbbbbbbbbbbbbb\"", problems.get(0).hint());
    }
}
