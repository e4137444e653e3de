package org.parley.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Blank nodes that occur in more than one named graph, and the IRIs they are sent as.
 *
 * <p>Why: a blank node is scoped to the document it is written in, and the Graph Store Protocol
 * sends one graph per request, so the store would make two unrelated nodes of an excerpt described
 * in its report's graph ({@code oa:exact}, offsets) and typed in the entailments graph
 * ({@code a oa:TextQuoteSelector}). Such nodes are replaced by IRIs, as RDF 1.1 Concepts (section
 * 3.5, "Replacing Blank Nodes with IRIs") provides for; blank nodes within one graph stay blank.
 *
 * <p>The IRI is {@value #SKOLEM_BASE} followed by a hash of what the dataset says about the node
 * (its triples in and out, other blank nodes left anonymous), so pushing the same knowledge base
 * again gives the same IRIs, and graphs pushed by two runs still meet. Nodes that the hash cannot
 * tell apart (the same triples in and out) are numbered in an order of no meaning.
 */
public final class SharedBlankNodes {

    /** Where the IRIs standing for blank nodes live. */
    public static final String SKOLEM_BASE = "https://w3id.org/parley/genid/";

    private SharedBlankNodes() {
    }

    /** Shared blank node → its IRI. Call in a read transaction. */
    public static Map<Node, Node> of(DatasetGraph dataset) {
        Map<Node, Node> graphOf = new HashMap<>();
        Set<Node> shared = new HashSet<>();
        dataset.find().forEachRemaining(quad -> {
            for (Node node : List.of(quad.getSubject(), quad.getObject())) {
                if (node.isBlank()) {
                    Node first = graphOf.putIfAbsent(node, quad.getGraph());
                    if (first != null && !first.equals(quad.getGraph())) {
                        shared.add(node);
                    }
                }
            }
        });
        Map<String, List<Node>> byHash = new TreeMap<>();
        for (Node node : shared) {
            byHash.computeIfAbsent(hash(dataset, node), h -> new ArrayList<>()).add(node);
        }
        Map<Node, Node> iris = new HashMap<>();
        byHash.forEach((hash, nodes) -> {
            nodes.sort(Comparator.comparing(Node::getBlankNodeLabel));
            for (int i = 0; i < nodes.size(); i++) {
                iris.put(nodes.get(i), NodeFactory.createURI(SKOLEM_BASE + hash + (nodes.size() == 1 ? "" : "-" + (i + 1))));
            }
        });
        return iris;
    }

    /** The triple with shared blank nodes replaced by their IRIs. */
    public static Triple replace(Triple triple, Map<Node, Node> iris) {
        if (iris.isEmpty() || !(triple.getSubject().isBlank() || triple.getObject().isBlank())) {
            return triple;
        }
        return Triple.create(iris.getOrDefault(triple.getSubject(), triple.getSubject()), triple.getPredicate(),
                iris.getOrDefault(triple.getObject(), triple.getObject()));
    }

    /** A hash of the node's triples in and out (graph included), in a canonical order. */
    private static String hash(DatasetGraph dataset, Node node) {
        List<String> lines = new ArrayList<>();
        dataset.find(Node.ANY, node, Node.ANY, Node.ANY).forEachRemaining(q -> lines.add(line(q, node)));
        dataset.find(Node.ANY, Node.ANY, Node.ANY, node).forEachRemaining(q -> lines.add(line(q, node)));
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", absent);
        }
    }

    private static String line(Quad quad, Node self) {
        return term(quad.getGraph(), self) + " " + term(quad.getSubject(), self) + " " + term(quad.getPredicate(), self)
                + " " + term(quad.getObject(), self);
    }

    private static String term(Node node, Node self) {
        if (node.equals(self)) {
            return "_:self";
        }
        return node.isBlank() ? "_:other" : NodeFmtLib.strNT(node);
    }
}
