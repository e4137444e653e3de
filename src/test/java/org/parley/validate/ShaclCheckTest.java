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
        // Line 29: where claim:001-2 starts (the property it lacks has no line of its own).
        assertEquals("data/001_aaaaaaaaaaaaaaaa.ttl:29 <https://w3id.org/parley/kb/claim/001-2>", problem.location());
        assertEquals("parley:hasParty: A position has its party (parley:hasParty) or, where the report names no one who"
                + " holds it, says so (parley:noPartyReason); never both, and never a guessed party.", problem.message());
        assertTrue(problem.hint().contains("shapes:PositionShape"), problem.hint());
    }

    @Test
    void aViolationWithAValueNamesTheLineOfItsTriple() {
        Path project = Fixtures.copyOfValidProject(dir);
        // Line 15 of data/002_bbbbbbbbbbbbbbbb.ttl: a modality where the stance belongs.
        Fixtures.edit(project.resolve("data/002_bbbbbbbbbbbbbbbb.ttl"), "parley:hasStance parley:acceptance ;",
                "parley:hasStance parley:asserted ;");

        List<Problem> problems = ProjectProblems.run(new ShaclCheck(), project).stream()
                .filter(p -> p.message().startsWith("parley:hasStance")).toList();

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("data/002_bbbbbbbbbbbbbbbb.ttl:15 <https://w3id.org/parley/kb/claim/002-1>", problems.get(0).location());
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
