package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.load.ProjectValidator;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/** The repository's ontology and knowledge base pass every check, the OWL 2 DL and HermiT ones included. */
class RealProjectValidationTest {

    @Test
    void everyCheckPasses() throws Exception {
        ValidationReport report = ProjectValidator.validate(Fixtures.REAL_PROJECT);

        assertEquals(List.of(), report.errors().stream().map(Problem::oneLine).toList(),
                () -> report.problems().stream().map(Problem::oneLine).collect(Collectors.joining("\n")));
    }

    @Test
    void everyParleyTermIsLabelledAndDefined() {
        ParsedProject project = ProjectProblems.read(Fixtures.REAL_PROJECT);

        assertEquals(List.of(), new TermAnnotationCheck().check(project));
        assertTrue(new OntologyTerms(project.ontology()).declaredParleyEntities().size() > 10);
    }

    /** Independently of OwlCheck: the file alone, straight through the OWL API, as Protégé opens it. */
    @Test
    void ontologyAloneLoadsInTheOwlApiAndIsDlAndConsistent() throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(
                Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl").toFile());

        assertEquals("https://w3id.org/parley/ontology", ontology.getOntologyID().getOntologyIRI().orElseThrow().toString());
        OWLProfileReport profile = new OWL2DLProfile().checkOntology(ontology);
        assertTrue(profile.isInProfile(), profile.toString());
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(ontology);
        try {
            assertTrue(reasoner.isConsistent());
            assertEquals(0, reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom().size());
        } finally {
            reasoner.dispose();
        }
    }
}
