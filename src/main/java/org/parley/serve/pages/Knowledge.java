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
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.parley.search.ParleyTextIndex;
import org.parley.vocab.KbNames;

/**
 * What the pages read: the served dataset itself, where it lies (in memory, or a TDB2 database on
 * disk), read in one read transaction per page: its default graph, the union of the named graphs
 * (as at {@code /parley/sparql}), and the asserted graphs alone (without the entailment graphs)
 * for the tables of a resource's own triples. Every lookup is one index lookup per pattern;
 * nothing is copied. Labels and {@link #memo memos} are kept for as long as the data stay the
 * same ({@link #generation}).
 *
 * <p>The pages never write.
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

    /** Labels kept at most (a crawl of every page would otherwise keep every label in memory). */
    static final int MAX_LABELS = 200_000;

    private final DatasetGraph dataset;
    private final Graph all;
    private final Graph asserted;
    private final long generation;
    private final Map<Node, String> labels = new ConcurrentHashMap<>();
    private final Map<String, Object> memo = new ConcurrentHashMap<>();

    private Knowledge(DatasetGraph dataset, long generation) {
        this.dataset = dataset;
        this.generation = generation;
        // The union of the named graphs: the dataset's default graph, or, where the dataset asks
        // TDB2 for a union default graph through its context, TDB2's own union graph.
        this.all = dataset.getContext() != null && dataset.getContext().isTrue(TDB2.symUnionDefaultGraph)
                ? dataset.getUnionGraph()
                : dataset.getDefaultGraph();
        this.asserted = new AssertedGraph(dataset);
    }

    /**
     * The pages' view of {@code served}, the dataset the server serves (its default graph the union
     * of the named graphs), read where it lies: nothing is copied. Read it inside a read
     * transaction of {@code served} ({@code Txn.executeRead}). {@code generation} names the state
     * of the data the memos ({@link #memo}, labels) are valid for.
     */
    static Knowledge live(DatasetGraph served, long generation) {
        return new Knowledge(served, generation);
    }

    /** The state of the data this view's memos were computed from. */
    long generation() {
        return generation;
    }

    /**
     * A value computed once per view (the data of a view never change: a read-only server's never
     * do, and with updates a new view is made after each commit), such as the parts of a page that
     * depend on the knowledge base alone.
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
        List<Node> out = new ArrayList<>(distinct(all.find(s, p, Node.ANY), Triple::getObject));
        out.sort(Comparator.comparing(this::label));
        return out;
    }

    Node object(Node s, Node p) {
        Iterator<Triple> it = all.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    List<Node> subjects(Node p, Node o) {
        return new ArrayList<>(distinct(all.find(Node.ANY, p, o), Triple::getSubject));
    }

    /** At most {@code max} subjects of ({@code ?, p, o}), for a test of presence that must not read them all. */
    List<Node> subjects(Node p, Node o, int max) {
        List<Node> out = new ArrayList<>();
        Iterator<Triple> it = all.find(Node.ANY, p, o);
        try {
            while (it.hasNext() && out.size() < max) {
                Node s = it.next().getSubject();
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        } finally {
            Iter.close(it);
        }
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
        if (labels.size() > MAX_LABELS) {
            labels.clear();
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

    /** The nodes {@code part} picks from each triple, each once (the union may repeat a triple). */
    private static java.util.Set<Node> distinct(Iterator<Triple> triples, java.util.function.Function<Triple, Node> part) {
        java.util.Set<Node> out = new java.util.LinkedHashSet<>();
        triples.forEachRemaining(t -> out.add(part.apply(t)));
        return out;
    }

    /**
     * The asserted triples: those of the named graphs other than the entailment graphs
     * ({@link KbNames#isEntailmentGraph}), found per pattern in the dataset's quad indexes, each
     * triple once however many graphs hold it.
     */
    static final class AssertedGraph extends GraphBase {
        private final DatasetGraph dataset;

        AssertedGraph(DatasetGraph dataset) {
            this.dataset = dataset;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            Iterator<Triple> triples = Iter.iter(dataset.findNG(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(),
                            pattern.getMatchObject()))
                    .filter(q -> !KbNames.isEntailmentGraph(q.getGraph()))
                    .map(Quad::asTriple)
                    .distinct();
            return WrappedIterator.create(triples);
        }
    }

    /** The nodes of the lists, one list after the other, as a page lists several properties' values together. */
    @SafeVarargs
    static List<Node> concat(List<Node>... lists) {
        List<Node> out = new ArrayList<>();
        for (List<Node> l : lists) {
            out.addAll(l);
        }
        return out;
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

    /** One page of a list, and whether more follow. */
    record Slice(List<Node> nodes, boolean hasNext) {}

    /**
     * One page of the claims {@code ?c} that {@code pattern} (SPARQL, binding {@code ?c}) finds,
     * in the pages' order (report, then where the excerpt starts, then IRI; as
     * {@link Claims#sorted}), read with {@code ORDER BY}/{@code LIMIT}/{@code OFFSET}.
     */
    Slice claims(String pattern, Paging paging) {
        List<Node> out = new ArrayList<>();
        for (Map<String, Node> row : select("SELECT DISTINCT ?c ?r ?start WHERE { " + pattern
                + " OPTIONAL { ?c parley:inReport ?r } OPTIONAL { ?c parley:hasExcerpt/oa:start ?start } }"
                + " ORDER BY ?r ?start ?c" + paging.limitOffset())) {
            Node c = row.get("c");
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        boolean more = out.size() > paging.size();
        return new Slice(more ? out.subList(0, paging.size()) : out, more);
    }

    /** How many distinct {@code ?c} {@code pattern} finds. */
    long count(String pattern) {
        Node n = select("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { " + pattern + " }").get(0).get("n");
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }

    /** A node in SPARQL syntax, for the patterns above. */
    static String sparql(Node node) {
        return org.apache.jena.sparql.util.FmtUtils.stringForNode(node);
    }

    /** The rows of a SELECT, each a map from variable name to value (absent when unbound). */
    List<Map<String, Node>> select(String query) {
        return select(dataset, query);
    }

    /**
     * The rows of a SELECT that asks the full-text index ({@code text:query}): over the served
     * dataset where it has one (a read-only server's), else over an index built in memory for
     * this view (with updates allowed: rebuilt once per change, on the first search after it).
     */
    List<Map<String, Node>> search(String query) {
        DatasetGraph indexed = ParleyTextIndex.indexOf(dataset) != null ? dataset
                : memo("text-index", () -> ParleyTextIndex.wrap(dataset));
        return select(indexed, query);
    }

    private static List<Map<String, Node>> select(DatasetGraph dataset, String query) {
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
