package org.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

class SharedBlankNodesTest {

    @Test
    void sharedBlankNodesGetTheSameIrisFromEveryLoadAndOthersStayBlank() throws Exception {
        Set<Node> first;
        Set<Node> second;
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT)) {
            Map<Node, Node> iris = Txn.calculateRead(kb.datasetGraph(), () -> SharedBlankNodes.of(kb.datasetGraph()));
            // The excerpts: described in their report's graph, typed in the entailments graph.
            assertFalse(iris.isEmpty());
            Txn.executeRead(kb.datasetGraph(), () -> iris.keySet().forEach(node -> {
                Set<Node> graphs = new HashSet<>();
                kb.datasetGraph().find(Node.ANY, node, Node.ANY, Node.ANY).forEachRemaining(q -> graphs.add(q.getGraph()));
                kb.datasetGraph().find(Node.ANY, Node.ANY, Node.ANY, node).forEachRemaining(q -> graphs.add(q.getGraph()));
                assertTrue(graphs.size() > 1, node + " is in " + graphs);
            }));
            iris.values().forEach(iri -> assertTrue(iri.getURI().startsWith(SharedBlankNodes.SKOLEM_BASE), iri.getURI()));
            assertEquals(iris.size(), new HashSet<>(iris.values()).size(), "one IRI per node");
            first = new HashSet<>(iris.values());
        }
        try (LoadedKnowledgeBase again = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT)) {
            second = new HashSet<>(Txn.calculateRead(again.datasetGraph(), () -> SharedBlankNodes.of(again.datasetGraph())).values());
        }
        // The blank nodes are new in every load; their IRIs are not, so a second push meets the first.
        assertEquals(first, second);
    }
}
