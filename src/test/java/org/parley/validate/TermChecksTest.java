package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class TermChecksTest {

    @TempDir
    Path dir;

    @Test
    void validProjectUsesOnlyDeclaredTerms() {
        assertEquals(List.of(), ProjectProblems.run(new TermDeclarationCheck(), Fixtures.validProject()));
    }

    @Test
    void misspeltPropertyIsReported() {
        List<Problem> problems = ProjectProblems.run(new TermDeclarationCheck(),
                Fixtures.brokenProject("undeclared-term", dir));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(TermDeclarationCheck.RULE, problems.get(0).rule());
        // Line 31: the triple that uses the misspelt property.
        assertEquals("data/001_aaaaaaaaaaaaaaaa.ttl:31 <https://w3id.org/parley/ontology#hasPartie>", problems.get(0).location());
    }

    @Test
    void validOntologyHasEveryTermAnnotated() {
        assertEquals(List.of(), ProjectProblems.run(new TermAnnotationCheck(), Fixtures.validProject()));
    }

    @Test
    void termWithoutDefinitionIsReported() {
        Path project = Fixtures.copyOfValidProject(dir);
        Fixtures.edit(project.resolve("ontology/parley.ttl"),
                "    skos:definition \"The state or organisation whose position it is (not the person who voiced it, nor the outlet that reported it).\"@en ;\n", "");

        List<Problem> problems = ProjectProblems.run(new TermAnnotationCheck(), project);

        assertEquals(1, problems.size(), problems.toString());
        int line = Fixtures.lineOf(project.resolve("ontology/parley.ttl"), "parley:hasParty");
        assertEquals("ontology/parley.ttl:" + line + " <https://w3id.org/parley/ontology#hasParty>", problems.get(0).location());
        assertEquals("parley:hasParty lacks skos:definition", problems.get(0).message());
    }

    @Test
    void termDefinedByAnotherOntologyIsReported() {
        Path project = Fixtures.copyOfValidProject(dir);
        Fixtures.edit(project.resolve("ontology/parley.ttl"),
                "    skos:definition \"The state or organisation whose position it is (not the person who voiced it, nor the outlet that reported it).\"@en ;\n    rdfs:isDefinedBy <https://w3id.org/parley/ontology> .",
                "    skos:definition \"The state or organisation whose position it is (not the person who voiced it, nor the outlet that reported it).\"@en ;\n    rdfs:isDefinedBy <http://example.org/other> .");

        List<Problem> problems = ProjectProblems.run(new TermAnnotationCheck(), project);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("rdfs:isDefinedBy"), problems.get(0).message());
    }
}
