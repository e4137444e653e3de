package org.parley.validate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.parley.vocab.Parley;

/** What the ontology graph declares, read straight from its triples (no reasoner needed). */
public final class OntologyTerms {

    /** The kinds of entity the annotation rule applies to. */
    public static final List<Node> ENTITY_TYPES = List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(),
            OWL.DatatypeProperty.asNode(), OWL.AnnotationProperty.asNode());

    private final Graph ontology;

    public OntologyTerms(Graph ontology) {
        this.ontology = ontology;
    }

    /** The class and every class below it through rdfs:subClassOf, however deep. */
    public Set<Node> subClassesOf(Node top) {
        Set<Node> found = new LinkedHashSet<>();
        Deque<Node> toVisit = new ArrayDeque<>(List.of(top));
        while (!toVisit.isEmpty()) {
            Node next = toVisit.pop();
            if (found.add(next)) {
                ontology.find(Node.ANY, RDFS.subClassOf.asNode(), next)
                        .forEachRemaining(t -> toVisit.push(t.getSubject()));
            }
        }
        return found;
    }

    /** parley:Claim and its subclasses (Position, EventClaim, ...). */
    public Set<Node> claimClasses() {
        return subClassesOf(Parley.Claim.asNode());
    }

    /** IRIs declared as a class or an object, datatype or annotation property. */
    public Set<Node> declaredEntities() {
        Set<Node> declared = new LinkedHashSet<>();
        for (Node type : ENTITY_TYPES) {
            ontology.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                if (t.getSubject().isURI()) {
                    declared.add(t.getSubject());
                }
            });
        }
        return declared;
    }

    /** Declared entities whose IRI is in the Parley namespace. */
    public Set<Node> declaredParleyEntities() {
        Set<Node> declared = new LinkedHashSet<>();
        for (Node entity : declaredEntities()) {
            if (entity.getURI().startsWith(Parley.NS)) {
                declared.add(entity);
            }
        }
        return declared;
    }

    /** The owl:inverseOf statements between named properties, each as stated (p inverseOf q). */
    public List<Triple> inversePairs() {
        return ontology.find(Node.ANY, OWL.inverseOf.asNode(), Node.ANY).toList().stream()
                .filter(t -> t.getSubject().isURI() && t.getObject().isURI())
                .toList();
    }

    /** {@link #inversePairs()} plus (p inverseOf p) for every owl:SymmetricProperty p. */
    public List<Triple> inversePairsWithSymmetric() {
        List<Triple> pairs = new ArrayList<>(inversePairs());
        ontology.find(Node.ANY, RDF.type.asNode(), OWL.SymmetricProperty.asNode()).forEachRemaining(t -> {
            if (t.getSubject().isURI()) {
                pairs.add(Triple.create(t.getSubject(), OWL.inverseOf.asNode(), t.getSubject()));
            }
        });
        return pairs;
    }
}
