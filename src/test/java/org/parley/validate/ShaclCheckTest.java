package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class ShaclCheckTest {

    @TempDir
    Path dir;

    @Test
    void validProjectConforms() {
        assertEquals(List.of(), ProjectProblems.run(new ShaclCheck(), Fixtures.validProject()));
    }

    @Test
    void violationNamesFocusNodePathAndShape() {
        List<Problem> problems = ProjectProblems.run(new ShaclCheck(),
                Fixtures.brokenProject("position-without-party", dir));

        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals(ShaclCheck.RULE, problem.rule());
        assertEquals("data/001_aaaaaaaaaaaaaaaa.ttl <https://w3id.org/parley/kb/claim/001-2>", problem.location());
        assertEquals("parley:hasParty: A position has its party (parley:hasParty) or, where the report names no one who"
                + " holds it, says so (parley:noPartyReason); never both, and never a guessed party.", problem.message());
        assertTrue(problem.hint().contains("shapes:PositionShape"), problem.hint());
    }

    @Test
    void shapesSeeSubclassesThroughTheOntology() {
        // ClaimShape targets parley:Claim; the claims are typed parley:Position only.
        Path project = Fixtures.brokenProject("claim-missing-report", dir);

        List<Problem> problems = ProjectProblems.run(new ShaclCheck(), project);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("parley:inReport"), problems.get(0).message());
    }
}
