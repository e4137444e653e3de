package org.parley.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.parley.query.ConflictingClaimsQueryTest;

/**
 * The pages mark a figure "contradicted" by the rule of queries/conflicting-claims.rq: on the cases
 * that test the query (bounds, estimates, counts, units), the pages find the same clashes.
 */
class ClaimsContradictingTest {

    @Test
    void thePagesMarkTheFiguresTheQueryFindsInConflict() {
        Model model = ModelFactory.createDefaultModel();
        model.read(new StringReader(ConflictingClaimsQueryTest.cases()), null, "TURTLE");
        Graph graph = model.getGraph();
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(NodeFactory.createURI("https://example.org/graph"), graph);
        DatasetGraph served = org.parley.load.UnionDefaultGraph.of(dataset);
        Knowledge kb = Knowledge.live(served, 0);
        Set<String> contradicted = new TreeSet<>();
        Node aboutQuantity = org.parley.vocab.Parley.aboutQuantity.asNode();
        org.apache.jena.system.Txn.executeRead(served, () -> graph.find(Node.ANY, aboutQuantity, Node.ANY).forEachRemaining(t -> {
            if (!Claims.contradicting(kb, t.getSubject()).isEmpty()) {
                contradicted.add(t.getObject().getLocalName());
            }
        }));
        assertEquals(ConflictingClaimsQueryTest.CLASHING, contradicted);
    }
}
