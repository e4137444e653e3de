package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;

/**
 * The claim-kind shapes in ontology/shapes.ttl name the kinds of claim and the claim properties by
 * hand; this keeps them in step with the ontology, so that a kind or a property added later cannot
 * slip past them.
 */
class ClaimKindShapesTest {

    private static final String PARLEY = "https://w3id.org/parley/ontology#";
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node CLAIM = uri(PARLEY + "Claim");
    private static final Node KIND_SHAPE = uri("https://w3id.org/parley/shapes#ClaimKindShape");

    private final Graph ontology = RDFDataMgr.loadGraph(Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl").toString());
    private final Graph shapes = RDFDataMgr.loadGraph(Fixtures.REAL_PROJECT.resolve("ontology/shapes.ttl").toString());

    @Test
    void theKindsAreExactlyTheOntologysSubclassesOfClaim() {
        Set<String> kindsInShape = new TreeSet<>();
        Node list = shapes.find(KIND_SHAPE, uri(SH + "xone"), Node.ANY).next().getObject();
        for (Node member : listMembers(list)) {
            kindsInShape.add(shapes.find(member, uri(SH + "class"), Node.ANY).next().getObject().getURI());
        }

        assertEquals(uris(subclassesOfClaim()), kindsInShape);
        assertTrue(kindsInShape.contains(PARLEY + "Position"), kindsInShape.toString());
    }

    @Test
    void everyPropertyOfAClaimOrAKindMakesItsSubjectsTargets() {
        Set<Node> claimClasses = new HashSet<>(subclassesOfClaim());
        claimClasses.add(CLAIM);
        Set<String> claimProperties = new TreeSet<>();
        ontology.find(Node.ANY, RDFS.domain.asNode(), Node.ANY)
                .filterKeep(t -> claimClasses.contains(t.getObject()))
                .forEachRemaining(t -> claimProperties.add(t.getSubject().getURI()));

        Set<String> targeted = uris(shapes.find(KIND_SHAPE, uri(SH + "targetSubjectsOf"), Node.ANY)
                .mapWith(Triple::getObject).toList());

        assertEquals(claimProperties, targeted);
    }

    /** Direct and indirect subclasses of parley:Claim, as the ontology states them. */
    private Set<Node> subclassesOfClaim() {
        Set<Node> found = new HashSet<>();
        List<Node> toVisit = new ArrayList<>(List.of(CLAIM));
        while (!toVisit.isEmpty()) {
            Node superClass = toVisit.remove(toVisit.size() - 1);
            ontology.find(Node.ANY, RDFS.subClassOf.asNode(), superClass).forEachRemaining(t -> {
                if (found.add(t.getSubject())) {
                    toVisit.add(t.getSubject());
                }
            });
        }
        return found;
    }

    private List<Node> listMembers(Node list) {
        List<Node> members = new ArrayList<>();
        Node rdfFirst = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#first");
        Node rdfRest = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest");
        Node rdfNil = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil");
        for (Node cell = list; !cell.equals(rdfNil);
             cell = shapes.find(cell, rdfRest, Node.ANY).next().getObject()) {
            members.add(shapes.find(cell, rdfFirst, Node.ANY).next().getObject());
        }
        return members;
    }

    private static Set<String> uris(Collection<Node> nodes) {
        Set<String> uris = new TreeSet<>();
        nodes.forEach(node -> uris.add(node.getURI()));
        return uris;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
