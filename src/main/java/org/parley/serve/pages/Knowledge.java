package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.tdb2.TDB2;
import org.parley.search.ParleyTextIndex;
import org.parley.validate.StatedTriples;
import org.parley.vocab.Parley;

/**
 * What the pages read: the served dataset itself, where it lies (in memory, or a TDB2 database on
 * disk), read in one read transaction per page: its default graph, the union of the named graphs
 * (as at {@code /parley/sparql}), and the asserted graphs alone ({@link StatedTriples}, without the
 * entailment graphs) for the tables of a resource's own triples. Every lookup is one index lookup
 * per pattern; nothing is copied. {@link Labels} and {@link #memo memos} are kept for as long as
 * the data stay the same ({@link #generation}).
 *
 * <p>The pages never write.
 */
final class Knowledge {

    private final DatasetGraph dataset;
    private final Graph all;
    private final Graph asserted;
    private final long generation;
    private final Labels labels;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();

    private Knowledge(DatasetGraph dataset, long generation) {
        this.dataset = dataset;
        this.generation = generation;
        // The union of the named graphs: the dataset's default graph, or, where the dataset asks
        // TDB2 for a union default graph through its context, TDB2's own union graph.
        this.all = dataset.getContext() != null && dataset.getContext().isTrue(TDB2.symUnionDefaultGraph)
                ? dataset.getUnionGraph()
                : dataset.getDefaultGraph();
        this.asserted = new StatedTriples(dataset);
        this.labels = new Labels(all);
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
    <T> T memo(String key, Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.putIfAbsent(key, value);
        }
        return (T) value;
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

    boolean hasType(Node s, org.apache.jena.rdf.model.Resource parleyClass) {
        return all.contains(s, Vocabulary.TYPE, parleyClass.asNode());
    }

    /**
     * The node's most specific Parley classes: its parley: types that are no other of its
     * types' super-class (the entailments add every super-class; a reader wants "position",
     * not "position, claim").
     */
    List<Node> parleyTypes(Node s) {
        List<Node> types = new ArrayList<>();
        all.find(s, Vocabulary.TYPE, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isURI() && o.getURI().startsWith(Vocabulary.P) && !types.contains(o)) {
                types.add(o);
            }
        });
        Node subClassOf = NodeFactory.createURI(Vocabulary.RDFS + "subClassOf");
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

    /** A name for a person to read ({@link Labels}). */
    String label(Node node) {
        return labels.of(node);
    }

    /** The nodes {@code part} picks from each triple, each once (the union may repeat a triple). */
    private static Set<Node> distinct(Iterator<Triple> triples, Function<Triple, Node> part) {
        Set<Node> out = new LinkedHashSet<>();
        triples.forEachRemaining(t -> out.add(part.apply(t)));
        return out;
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

    /** How many distinct {@code ?c} {@code pattern} finds. */
    long count(String pattern) {
        Node n = select("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { " + pattern + " }").get(0).get("n");
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }

    /** A node in SPARQL syntax, for the patterns the pages ask. */
    static String sparql(Node node) {
        return FmtUtils.stringForNode(node);
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
        try (QueryExec exec = QueryExec.dataset(dataset).query(Vocabulary.PREFIXES + query).build()) {
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
