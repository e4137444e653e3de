package org.parley.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;

/** The generated constants are the real ontology's terms, with the kind the code assumes. */
class ParleyTest {

    private static Graph ontology;

    @BeforeAll
    static void readOntology() {
        ontology = GraphFactory.createDefaultGraph();
        RDFParser.source(Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl")).parse(ontology);
    }

    @Test
    void everyOntologyTermHasAGeneratedConstant() throws Exception {
        // Parley is generated from ontology/parley.ttl by schemagen at build time (see pom.xml):
        // a term renamed in the ontology renames its constant, and Java using the old name stops compiling.
        Set<String> constants = new TreeSet<>();
        for (Field field : Parley.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Resource.class.isAssignableFrom(field.getType())
                    && field.get(null) != Parley.NAMESPACE) {
                constants.add(((Resource) field.get(null)).getURI());
            }
        }
        Set<String> declared = new TreeSet<>();
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Parley.NS)
                    && !t.getObject().equals(OWL.AnnotationProperty.asNode())) {
                declared.add(t.getSubject().getURI());
            }
        });
        assertTrue(declared.size() > 100, "the ontology declares its terms: " + declared.size());
        assertEquals(declared, constants);
    }

    @Test
    void theConstantsTheCodeReliesOnHaveTheKindItAssumes() {
        for (Resource term : List.of(Parley.Report, Parley.Claim, Parley.Excerpt, Parley.Actor, Parley.Place)) {
            assertTrue(ontology.contains(term.asNode(), RDF.type.asNode(), OWL.Class.asNode()), term + " is not an owl:Class");
        }
        for (Resource term : List.of(Parley.inReport, Parley.hasExcerpt)) {
            assertTrue(ontology.contains(term.asNode(), RDF.type.asNode(), OWL.ObjectProperty.asNode()), term.toString());
        }
        for (Node term : List.of(Parley.fileName.asNode(), Parley.fullText.asNode(), Parley.quotation.asNode(),
                OA.exact, OA.start, OA.end)) {
            assertTrue(ontology.contains(term, RDF.type.asNode(), OWL.DatatypeProperty.asNode()), term.toString());
        }
    }

    @Test
    void theOneAnnotationPropertySchemagenLeavesOutIsDeclared() {
        // schemagen generates classes, object/datatype properties and individuals, not annotation
        // properties; LinkCheck names parley:noLinkReason itself, and this test is its compile check.
        assertTrue(ontology.contains(NodeFactory.createURI(Parley.NS + "noLinkReason"), RDF.type.asNode(),
                OWL.AnnotationProperty.asNode()));
        assertEquals(KbNames.ONTOLOGY_IRI + "#", Parley.NS);
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
