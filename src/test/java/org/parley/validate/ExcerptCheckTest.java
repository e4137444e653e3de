package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class ExcerptCheckTest {

    @TempDir
    Path dir;

    @Test
    void validExcerptsAndQuotationsPass() {
        assertEquals(List.of(), ProjectProblems.run(new ExcerptCheck(), Fixtures.validProject()));
    }

    @Test
    void excerptAtWrongOffsetsIsReportedWithTheRightOffsets() {
        List<Problem> problems = ProjectProblems.run(new ExcerptCheck(),
                Fixtures.brokenProject("excerpt-wrong-offsets", dir));

        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertEquals(ExcerptCheck.EXCERPT_VERBATIM, problem.rule());
        // The excerpt is a blank node: it is named by the claim that points at it, and found on the
        // line where its [ ... ] starts.
        assertEquals("data/001_aaaaaaaaaaaaaaaa.ttl:36 [ ] (the parley:hasExcerpt of claim:001-2)", problem.location());
        assertTrue(problem.message().contains("136-175"), problem.message());
        assertTrue(problem.hint().startsWith("found at 135-174"), problem.hint());
    }

    @Test
    void oneBadOffsetIsOneProblemOfEveryLoadCheck() {
        List<Problem> problems = Validator.run(Validator.loadChecks(),
                ProjectProblems.read(Fixtures.brokenProject("excerpt-wrong-offsets", dir))).problems();

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("error: data/001_aaaaaaaaaaaaaaaa.ttl:36 [ ] (the parley:hasExcerpt of claim:001-2): [excerpt-verbatim]",
                problems.get(0).oneLine().substring(0, problems.get(0).oneLine().indexOf(']', 60) + 1));
    }

    @Test
    void wordsFoundNowhereSaySo() {
        Path project = Fixtures.copyOfValidProject(dir);
        Fixtures.edit(project.resolve("data/002_bbbbbbbbbbbbbbbb.ttl"),
                "oa:exact \"Israel’s cabinet later accepted the proposal.\"",
                "oa:exact \"Israel’s cabinet later rejected the proposal.\"");

        List<Problem> problems = ProjectProblems.run(new ExcerptCheck(), project);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).hint().contains("do not occur anywhere"), problems.get(0).hint());
    }

    @Test
    void straightQuoteForCurlyQuoteGetsTheLooseHint() {
        Path project = Fixtures.copyOfValidProject(dir);
        Fixtures.edit(project.resolve("data/002_bbbbbbbbbbbbbbbb.ttl"),
                "oa:exact \"Israel’s cabinet later accepted the proposal.\"",
                "oa:exact \"Israel's cabinet later accepted the proposal.\"");

        List<Problem> problems = ProjectProblems.run(new ExcerptCheck(), project);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).hint().contains("quote marks"), problems.get(0).hint());
    }

    @Test
    void quotationNotInTheTextIsReported() {
        List<Problem> problems = ProjectProblems.run(new ExcerptCheck(),
                Fixtures.brokenProject("quotation-not-verbatim", dir));

        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertEquals(ExcerptCheck.QUOTATION_VERBATIM, problem.rule());
        // Line 22: the parley:quotation triple (line 21 is the comment above it).
        assertEquals("data/001_aaaaaaaaaaaaaaaa.ttl:22 <https://w3id.org/parley/kb/claim/001-1>", problem.location());
        assertTrue(problem.message().contains("would not discuss"), problem.message());
    }
}
