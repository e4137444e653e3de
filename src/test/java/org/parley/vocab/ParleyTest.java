package org.parley.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;

/** The Java constants name terms that the real ontology declares, with the kind the code assumes. */
class ParleyTest {

    private static Graph ontology;

    @BeforeAll
    static void readOntology() {
        ontology = GraphFactory.createDefaultGraph();
        RDFParser.source(Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl")).parse(ontology);
    }

    @Test
    void classesAreDeclaredClasses() {
        for (Node term : List.of(Parley.Report, Parley.Claim, Parley.Excerpt)) {
            assertTrue(ontology.contains(term, RDF.type.asNode(), OWL.Class.asNode()), term + " is not an owl:Class");
        }
    }

    @Test
    void objectPropertiesAreDeclared() {
        for (Node term : List.of(Parley.inReport, Parley.hasExcerpt)) {
            assertTrue(ontology.contains(term, RDF.type.asNode(), OWL.ObjectProperty.asNode()), term.toString());
        }
    }

    @Test
    void dataPropertiesAreDeclared() {
        for (Node term : List.of(Parley.fileName, Parley.fullText, Parley.quotation, OA.exact, OA.start, OA.end)) {
            assertTrue(ontology.contains(term, RDF.type.asNode(), OWL.DatatypeProperty.asNode()), term.toString());
        }
    }

    @Test
    void everyConstantIsCoveredAbove() throws Exception {
        // A new constant must be added to one of the tests above.
        List<String> constants = new ArrayList<>();
        for (Class<?> vocabulary : List.of(Parley.class, OA.class)) {
            for (Field field : vocabulary.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Node.class) {
                    constants.add(vocabulary.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of("Parley.Report", "Parley.Claim", "Parley.Excerpt", "Parley.inReport", "Parley.hasExcerpt",
                "Parley.fileName", "Parley.fullText", "Parley.quotation", "OA.exact", "OA.start", "OA.end"), constants);
    }

    @Test
    void graphAndReportNamesFollowTheLayoutContract() {
        assertEquals("https://w3id.org/parley/graph/003_5eda140543b3a4aa", KbNames.graph("003_5eda140543b3a4aa").getURI());
        assertEquals("https://w3id.org/parley/kb/report/003_5eda140543b3a4aa",
                KbNames.report("003_5eda140543b3a4aa").getURI());
        assertEquals("https://w3id.org/parley/graph/ontology", KbNames.ONTOLOGY_GRAPH.getURI());
        assertEquals("https://w3id.org/parley/graph/entailments", KbNames.ENTAILMENTS_GRAPH.getURI());
        assertEquals("actors", KbNames.graphName(KbNames.graph("actors")));
    }
}
