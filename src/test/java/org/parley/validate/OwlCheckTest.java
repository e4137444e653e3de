package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class OwlCheckTest {

    @TempDir
    Path dir;

    private static List<Problem> owlProblems(Path project) {
        OwlCheck check = new OwlCheck(project.resolve("ontology/parley.ttl"), "ontology/parley.ttl");
        return ProjectProblems.run(check, project);
    }

    @Test
    void validProjectIsDlAndConsistent() {
        assertEquals(List.of(), owlProblems(Fixtures.validProject()));
    }

    @Test
    void undeclaredBorrowedClassIsOutsideOwl2Dl() {
        List<Problem> problems = owlProblems(Fixtures.brokenProject("undeclared-class", dir));

        assertFalse(problems.isEmpty());
        Problem problem = problems.get(0);
        assertEquals(OwlCheck.DL, problem.rule());
        assertTrue(problem.message().contains("http://schema.org/Organization"), problem.message());
        assertTrue(problem.location().startsWith("data/actors.ttl"), problem.location());
    }

    @Test
    void inconsistentDataIsTracedToItsFile() {
        List<Problem> problems = owlProblems(Fixtures.brokenProject("inconsistent-data", dir));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(OwlCheck.INCONSISTENT, problems.get(0).rule());
        assertTrue(problems.get(0).message().endsWith("with the shared files: data/002_bbbbbbbbbbbbbbbb.ttl"),
                problems.get(0).message());
    }

    @Test
    void unsatisfiableClassIsNamed() throws Exception {
        Path project = Fixtures.copyOfValidProject(dir);
        Files.writeString(project.resolve("ontology/parley.ttl"), Files.readString(project.resolve("ontology/parley.ttl"))
                + "\nparley:Impossible a owl:Class ; rdfs:subClassOf parley:HostageGroup , parley:PrisonerGroup ;\n"
                + "    rdfs:label \"impossible\"@en ; skos:definition \"Both at once.\"@en ;\n"
                + "    rdfs:isDefinedBy <https://w3id.org/parley/ontology> .\n");

        List<Problem> problems = owlProblems(project);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(OwlCheck.UNSATISFIABLE, problems.get(0).rule());
        int line = Fixtures.lineOf(project.resolve("ontology/parley.ttl"), "parley:Impossible a owl:Class");
        assertEquals("ontology/parley.ttl:" + line + " <https://w3id.org/parley/ontology#Impossible>", problems.get(0).location());
    }

    @Test
    void importThatCannotBeLoadedIsReported() throws Exception {
        Path project = Fixtures.copyOfValidProject(dir);
        Fixtures.edit(project.resolve("ontology/parley.ttl"), "    vann:preferredNamespacePrefix \"parley\" ;",
                "    owl:imports <file:///nonexistent/imported.ttl> ;\n    vann:preferredNamespacePrefix \"parley\" ;");

        List<Problem> problems = owlProblems(project);

        assertTrue(problems.stream().anyMatch(p -> p.rule().equals(OwlCheck.IMPORT)
                && p.location().equals("ontology/parley.ttl")), problems.toString());
    }
}
