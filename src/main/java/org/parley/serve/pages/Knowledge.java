package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.parley.vocab.KbNames;

/**
 * What the pages read: an in-memory snapshot of the served dataset, taken in one read
 * transaction, whose default graph is the union of the named graphs (as at {@code /parley/sparql}),
 * plus the union of the asserted graphs alone (without {@code graph/entailments}) for the tables of
 * a resource's own triples. Labels are looked up once per snapshot.
 *
 * <p>The pages never write; a snapshot is never changed after it is built.
 */
final class Knowledge {

    static final String KB = "https://w3id.org/parley/kb/";
    static final String ONT = "https://w3id.org/parley/ontology";
    static final String P = ONT + "#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String OWL = "http://www.w3.org/2002/07/owl#";

    static final Node TYPE = NodeFactory.createURI(RDF + "type");
    static final Node LABEL = NodeFactory.createURI(RDFS + "label");
    static final Node PREF_LABEL = NodeFactory.createURI(SKOS + "prefLabel");
    static final Node ALT_LABEL = NodeFactory.createURI(SKOS + "altLabel");
    static final Node COMMENT = NodeFactory.createURI(RDFS + "comment");
    static final Node DEFINITION = NodeFactory.createURI(SKOS + "definition");
    static final Node EXACT = NodeFactory.createURI(OA + "exact");
    static final Node START = NodeFactory.createURI(OA + "start");
    static final Node END = NodeFactory.createURI(OA + "end");
    static final Node IDENTIFIER = NodeFactory.createURI(DCT + "identifier");
    static final Node NOTE = NodeFactory.createURI(SKOS + "note");
    static final Node EDITORIAL_NOTE = NodeFactory.createURI(SKOS + "editorialNote");
    static final Node ORG_ORGANIZATION = NodeFactory.createURI(ORG + "organization");
    static final Node ORG_MEMBER = NodeFactory.createURI(ORG + "member");
    static final Node SAME_AS = NodeFactory.createURI(OWL + "sameAs");

    static Node p(String local) {
        return NodeFactory.createURI(P + local);
    }

    static final String PREFIXES = """
            PREFIX parley: <https://w3id.org/parley/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX text: <http://jena.apache.org/text#>
            """;

    private final DatasetGraph dataset;
    private final Graph all;
    private final Graph asserted;
    private final Map<Node, String> labels = new ConcurrentHashMap<>();
    private final Map<String, Object> memo = new ConcurrentHashMap<>();

    private Knowledge(DatasetGraph dataset, Graph asserted) {
        this.dataset = dataset;
        this.all = dataset.getDefaultGraph();
        this.asserted = asserted;
    }

    /** A snapshot of {@code base}: its named graphs, and their union as the default graph. */
    static Knowledge snapshot(DatasetGraph base) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        Graph asserted = GraphFactory.createDefaultGraph();
        Txn.executeRead(base, () -> {
            copy.prefixes().putAll(base.prefixes());
            base.listGraphNodes().forEachRemaining(name -> {
                boolean entailed = KbNames.isEntailmentGraph(name);
                Graph named = GraphFactory.createDefaultGraph();
                base.getGraph(name).find().forEachRemaining(t -> {
                    named.add(t);
                    copy.getDefaultGraph().add(t);
                    if (!entailed) {
                        asserted.add(t);
                    }
                });
                copy.addGraph(name, named);
            });
            base.getDefaultGraph().find().forEachRemaining(t -> {
                copy.getDefaultGraph().add(t);
                asserted.add(t);
            });
        });
        // The full-text index (jena-text) the search page asks, as /parley/sparql's text:query does.
        return new Knowledge(ParleyTextIndex.wrap(copy), asserted);
    }

    /**
     * A value computed once per snapshot (a snapshot never changes), such as the parts of a page
     * that depend on the knowledge base alone.
     */
    @SuppressWarnings("unchecked")
    <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.putIfAbsent(key, value);
        }
        return (T) value;
    }

    Graph graph() {
        return all;
    }

    Graph asserted() {
        return asserted;
    }

    DatasetGraph dataset() {
        return dataset;
    }

    boolean exists(Node node) {
        return all.contains(node, Node.ANY, Node.ANY) || all.contains(Node.ANY, Node.ANY, node);
    }

    List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        all.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        out.sort(Comparator.comparing(this::label));
        return out;
    }

    Node object(Node s, Node p) {
        Iterator<Triple> it = all.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    List<Node> subjects(Node p, Node o) {
        List<Node> out = new ArrayList<>();
        all.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
        return out;
    }

    boolean hasType(Node s, String parleyClass) {
        return all.contains(s, TYPE, p(parleyClass));
    }

    /**
     * The node's most specific Parley classes: its parley: types that are no other of its
     * types' super-class (the entailments add every super-class; a reader wants "position",
     * not "position, claim").
     */
    List<Node> parleyTypes(Node s) {
        List<Node> types = new ArrayList<>();
        all.find(s, TYPE, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isURI() && o.getURI().startsWith(P) && !types.contains(o)) {
                types.add(o);
            }
        });
        Node subClassOf = NodeFactory.createURI(RDFS + "subClassOf");
        List<Node> specific = new ArrayList<>();
        for (Node t : types) {
            boolean isSuper = false;
            for (Node u : types) {
                if (!u.equals(t) && all.contains(u, subClassOf, t)) {
                    isSuper = true;
                }
            }
            if (!isSuper) {
                specific.add(t);
            }
        }
        specific.sort(Comparator.comparing(this::label));
        return specific;
    }

    /** The literal's lexical form, or null. */
    String text(Node s, Node p) {
        Node o = object(s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    /** A name for a person to read: its English label, else its skos:prefLabel, else a name from its IRI. */
    String label(Node node) {
        if (node == null) {
            return "";
        }
        if (node.isLiteral()) {
            return node.getLiteralLexicalForm();
        }
        return labels.computeIfAbsent(node, this::findLabel);
    }

    private String findLabel(Node node) {
        String any = null;
        for (Node p : new Node[] {LABEL, PREF_LABEL}) {
            for (Iterator<Triple> it = all.find(node, p, Node.ANY); it.hasNext(); ) {
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
            String exact = text(node, EXACT);
            return exact != null ? "excerpt “" + exact + "”" : "(unnamed node)";
        }
        String iri = node.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    /** This server's path for an IRI of Parley (kb, report, ontology), or null for anyone else's. */
    static String localPath(String iri) {
        if (iri.startsWith(KB)) {
            return "/kb/" + iri.substring(KB.length());
        }
        if (iri.equals(ONT)) {
            return "/ontology";
        }
        if (iri.startsWith(P)) {
            return "/ontology#" + iri.substring(P.length());
        }
        return null;
    }

    /** A link to the node's page (ours) or to the IRI itself (others'), or the literal as text. */
    String link(Node node) {
        if (node == null) {
            return "";
        }
        if (node.isLiteral()) {
            return Html.esc(node.getLiteralLexicalForm());
        }
        if (node.isBlank()) {
            return Html.esc(label(node));
        }
        String local = localPath(node.getURI());
        if (local != null) {
            return Html.a(local, label(node));
        }
        return "<a class=\"ext\" href=\"" + Html.esc(node.getURI()) + "\" title=\"" + Html.esc(node.getURI()) + "\">"
                + Html.esc(label(node)) + "</a>";
    }

    /** Links to each node, comma-separated, or "" for none. */
    String links(List<Node> nodes) {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) {
            b.append(b.length() == 0 ? "" : ", ").append(link(n));
        }
        return b.toString();
    }

    /** The rows of a SELECT, each a map from variable name to value (absent when unbound). */
    List<Map<String, Node>> select(String query) {
        List<Map<String, Node>> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dataset).query(PREFIXES + query).build()) {
            RowSet rs = exec.select();
            List<String> vars = rs.getResultVars().stream().map(v -> v.getVarName()).toList();
            rs.forEachRemaining(b -> {
                Map<String, Node> row = new LinkedHashMap<>();
                for (String v : vars) {
                    Node n = b.get(v);
                    if (n != null) {
                        row.put(v, n);
                    }
                }
                rows.add(row);
            });
        }
        return rows;
    }
}
