package org.parley.serve.pages;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The names a person reads for the nodes of one state of the data: a node's rdfs:label (the
 * English one first), else its skos:prefLabel (likewise), else a name made from its IRI (for an
 * excerpt, its words). A page names the same parties and terms many times, so each name is
 * looked up once and kept, for as long as the view of the data it comes from ({@link Knowledge}).
 */
final class Labels {

    /** Labels kept at most (a crawl of every page would otherwise keep every label in memory). */
    static final int MAX_LABELS = 200_000;

    private final Graph graph;
    private final Map<Node, String> labels = new ConcurrentHashMap<>();

    Labels(Graph graph) {
        this.graph = graph;
    }

    /** The node's name; a literal's lexical form; "" for null. */
    String of(Node node) {
        if (node == null) {
            return "";
        }
        if (node.isLiteral()) {
            return node.getLiteralLexicalForm();
        }
        if (labels.size() > MAX_LABELS) {
            labels.clear();
        }
        return labels.computeIfAbsent(node, this::find);
    }

    private String find(Node node) {
        String any = null;
        for (Node p : new Node[] {Vocabulary.LABEL, Vocabulary.PREF_LABEL}) {
            for (Iterator<Triple> it = graph.find(node, p, Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) {
                    continue;
                }
                if ("en".equalsIgnoreCase(o.getLiteralLanguage())) {
                    return o.getLiteralLexicalForm();
                }
                if (any == null) {
                    any = o.getLiteralLexicalForm();
                }
            }
            if (any != null) {
                return any;
            }
        }
        if (node.isBlank()) {
            String exact = exact(node);
            return exact != null ? "excerpt “" + exact + "”" : "(unnamed node)";
        }
        String iri = node.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    /** The excerpt's words (its first oa:exact, if a literal), or null. */
    private String exact(Node excerpt) {
        Iterator<Triple> it = graph.find(excerpt, Vocabulary.EXACT, Node.ANY);
        Node o = it.hasNext() ? it.next().getObject() : null;
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
