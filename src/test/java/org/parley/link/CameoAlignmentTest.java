package org.parley.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * data/cameo.ttl against the codebook table docs/cameo.tsv: codes, names and Goldstein scores as
 * the codebook has them (not GDELT's lookup), a hierarchy that follows the codes, and mappings
 * only to codes in the scheme, with every stance and term type either mapped or explained.
 */
class CameoAlignmentTest {

    private static final String CAMEO = "https://w3id.org/parley/cameo/";
    private static final String PARLEY = "https://w3id.org/parley/ontology#";
    private static final String KB = "https://w3id.org/parley/kb/";

    private static Model cameo;
    private static Model ontologyAndConcepts;
    private static CameoCodes codebook;

    @BeforeAll
    static void read() {
        cameo = RDFDataMgr.loadModel("data/cameo.ttl");
        ontologyAndConcepts = ModelFactory.createDefaultModel();
        RDFDataMgr.read(ontologyAndConcepts, "ontology/parley.ttl");
        codebook = CameoCodes.read();
    }

    @Test
    void everyConceptIsACodebookCodeWithItsExactNameAndScore() {
        List<Resource> concepts = cameo.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList();
        assertFalse(concepts.isEmpty());
        for (Resource concept : concepts) {
            String code = concept.getURI().substring(CAMEO.length());
            assertTrue(codebook.names().containsKey(code), code + " is not a CAMEO 1.1b3 code of docs/cameo.tsv");

            Literal notation = concept.getProperty(SKOS.notation).getLiteral();
            assertEquals(code, notation.getLexicalForm());
            assertEquals(XSD.xstring.getURI(), notation.getDatatypeURI(), "skos:notation is a plain string");

            assertEquals(codebook.names().get(code), concept.getProperty(SKOS.prefLabel).getString(), code + " name");
            String note = concept.getProperty(SKOS.note).getString();
            assertTrue(note.contains("CAMEO 1.1b3"), code + " note names scheme and version: " + note);
            assertTrue(note.endsWith("Goldstein scale score " + codebook.goldstein().get(code) + "."),
                    code + " note gives the Goldstein score " + codebook.goldstein().get(code) + ": " + note);
            assertTrue(concept.hasProperty(SKOS.inScheme, cameo.getResource(CAMEO + "scheme")));
        }
    }

    @Test
    void theGdeltNamingTrapIsAvoided() {
        // GDELT's lookup calls 107 "Demand ceasefire"; the codebook's demand for a ceasefire is 1056.
        assertEquals("Demand de-escalation of military engagement", codebook.names().get("1056"));
        assertEquals("Demand settling of dispute", codebook.names().get("107"));
        Resource ceasefire = cameo.getResource(KB + "termtype-permanent-ceasefire");
        Resource demand = cameo.getResource(PARLEY + "demand");
        assertTrue(demand.hasProperty(SKOS.closeMatch, cameo.getResource(CAMEO + "10")));
        assertTrue(ceasefire.hasProperty(SKOS.broadMatch, cameo.getResource(CAMEO + "087")));
        assertTrue(cameo.getResource(CAMEO + "1056").hasProperty(SKOS.related, cameo.getResource(CAMEO + "087")));
    }

    @Test
    void theHierarchyFollowsTheCodes() {
        for (Resource concept : cameo.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
            String code = concept.getURI().substring(CAMEO.length());
            Statement broader = concept.getProperty(SKOS.broader);
            if (code.length() == 2) {
                assertEquals(null, broader, code + " is a top concept");
                assertTrue(cameo.getResource(CAMEO + "scheme").hasProperty(SKOS.hasTopConcept, concept));
            } else {
                assertNotNull(broader, code + " has a broader code");
                assertEquals(CAMEO + code.substring(0, code.length() - 1), broader.getResource().getURI());
            }
        }
    }

    @Test
    void relatedLinksGoFromAnAskOfferOrRefusalToAnAction() {
        List<Statement> related = cameo.listStatements(null, SKOS.related, (RDFNode) null).toList();
        assertFalse(related.isEmpty());
        for (Statement link : related) {
            String from = link.getSubject().getURI().substring(CAMEO.length());
            String to = link.getResource().getURI().substring(CAMEO.length());
            assertTrue(Set.of("02", "03", "10", "12").contains(from.substring(0, 2)), from + " asks, offers or refuses");
            assertTrue(Set.of("04", "08").contains(to.substring(0, 2)), to + " is an action");
        }
    }

    @Test
    void everyMappingTargetIsAConceptOfTheScheme() {
        for (Property mapping : List.of(SKOS.closeMatch, SKOS.broadMatch, SKOS.exactMatch, SKOS.related, SKOS.broader)) {
            for (Statement link : cameo.listStatements(null, mapping, (RDFNode) null).toList()) {
                Resource target = link.getResource();
                assertTrue(target.hasProperty(RDF.type, SKOS.Concept), link + " points at a concept of the scheme");
            }
        }
    }

    @Test
    void everyStanceAndTermTypeIsMappedOrSaysWhyNot() {
        List<Resource> vocabulary = new ArrayList<>();
        vocabulary.addAll(ontologyAndConcepts.listSubjectsWithProperty(RDF.type,
                ontologyAndConcepts.getResource(PARLEY + "Stance")).toList());
        vocabulary.addAll(ontologyAndConcepts.listSubjectsWithProperty(RDF.type,
                ontologyAndConcepts.getResource(PARLEY + "TermType")).toList());
        assertEquals(14 + 12, vocabulary.size(), "fourteen stances (statement the last) and twelve term types (captive release the last)");
        for (Resource concept : vocabulary) {
            Resource inCameo = cameo.getResource(concept.getURI());
            boolean mapped = inCameo.hasProperty(SKOS.closeMatch) || inCameo.hasProperty(SKOS.broadMatch);
            boolean explained = inCameo.hasProperty(SKOS.editorialNote)
                    && inCameo.getProperty(SKOS.editorialNote).getString().startsWith("CAMEO alignment: none.");
            assertTrue(mapped ^ explained, concept + " is either mapped to CAMEO or explains why not, not both");
        }
    }
}
