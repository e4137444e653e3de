package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class ClaimCheckTest {

    /** Line 29 of the fixtures' data/001_aaaaaaaaaaaaaaaa.ttl starts claim:001-2. */
    private static final String CLAIM_001_2 = "data/001_aaaaaaaaaaaaaaaa.ttl:29 <https://w3id.org/parley/kb/claim/001-2>";

    @TempDir
    Path dir;

    @Test
    void validClaimsPass() {
        assertEquals(List.of(), ProjectProblems.run(new ClaimCheck(), Fixtures.validProject()));
    }

    @Test
    void claimWithoutReportIsReportedOnceByTheShapes() {
        // One home per rule: shapes:ClaimShape owns "exactly one parley:inReport"; ClaimCheck stays silent.
        List<Problem> problems = loadProblems(Fixtures.brokenProject("claim-missing-report", dir));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ShaclCheck.RULE, problems.get(0).rule());
        assertEquals(CLAIM_001_2, problems.get(0).location());
        assertTrue(problems.get(0).message().startsWith("parley:inReport: "), problems.get(0).message());
    }

    @Test
    void claimWithoutExcerptIsReportedOnceByTheShapes() {
        List<Problem> problems = loadProblems(Fixtures.brokenProject("claim-missing-excerpt", dir));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ShaclCheck.RULE, problems.get(0).rule());
        assertEquals(CLAIM_001_2, problems.get(0).location());
        assertTrue(problems.get(0).message().startsWith("parley:hasExcerpt: "), problems.get(0).message());
    }

    @Test
    void claimInAnotherReportsFileIsReported() {
        List<Problem> problems = ProjectProblems.run(new ClaimCheck(),
                Fixtures.brokenProject("claim-in-wrong-report", dir));

        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertEquals(ClaimCheck.CLAIM_REPORT, problem.rule());
        // Line 14: the claim's parley:inReport, the triple to fix.
        assertEquals("data/002_bbbbbbbbbbbbbbbb.ttl:14 <https://w3id.org/parley/kb/claim/002-1>", problem.location());
        assertTrue(problem.message().contains("report:001_aaaaaaaaaaaaaaaa"), problem.message());
    }

    @Test
    void claimOutsideAReportFileIsReported() {
        Path project = Fixtures.copyOfValidProject(dir);
        Fixtures.edit(project.resolve("data/actors.ttl"), "actor:qatar a parley:Organisation ;",
                "<https://w3id.org/parley/kb/claim/stray> a parley:Position .\nactor:qatar a parley:Organisation ;");

        List<Problem> problems = withRule(ProjectProblems.run(new ClaimCheck(), project), ClaimCheck.CLAIM_REPORT);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("not the data file of a report"), problems.get(0).message());
    }

    private static List<Problem> loadProblems(Path project) {
        return Validator.run(Validator.loadChecks(), ProjectProblems.read(project)).problems();
    }

    private static List<Problem> withRule(List<Problem> problems, String rule) {
        return ProjectProblems.withRule(problems, rule);
    }
}
