package org.parley.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.validate.ChangeCheck;
import org.parley.validate.ExcerptCheck;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * A served dataset whose writes must leave the knowledge base valid: every write transaction
 * (a SPARQL Update, a Graph Store upload) is checked against the project's SHACL shapes and the
 * verbatim-excerpt check ({@link ExcerptCheck}) just before it commits. If the result breaks
 * either, the transaction is aborted — nothing changes — and the client gets HTTP 422 with the
 * report's first lines.
 *
 * <p>The check is in proportion to the change, not to the knowledge base: the dataset records
 * the quads each write transaction adds and deletes, the shapes are checked for the resources
 * they touch, looked up in the whole knowledge base ({@link ChangeCheck}, which says which
 * resources and why; the rules across reports included), and the excerpt check runs on the
 * graphs they touch (it reads one graph and its report's text at a time). A change to the
 * ontology or to the shared entailments (which can change any resource's class), a cleared
 * dataset, or more than {@link #MAX_RECORDED} changed quads, is checked whole, as the loader
 * checks a project: the shapes over the union of the named graphs and every graph's excerpts.
 */
final class ShapeCheckedDataset extends DatasetGraphWrapper {

    /** Report lines shown to the client; the count of the rest is given. */
    static final int MAX_REPORT_LINES = 20;

    /** Beyond this many changed quads in one transaction the change is checked whole. */
    static final int MAX_RECORDED = 1_000_000;

    private final Shapes shapes;
    private final ChangeCheck changeCheck;
    private final AtomicLong generation = new AtomicLong();
    /** What the calling thread's write transaction changed (Jena transactions belong to a thread). */
    private final ThreadLocal<Changes> changes = ThreadLocal.withInitial(Changes::new);

    ShapeCheckedDataset(DatasetGraph base, Shapes shapes) {
        super(base, base.getContext());
        this.shapes = shapes;
        this.changeCheck = new ChangeCheck(shapes.getGraph());
    }

    @Override
    public void commit() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            check(changes.get());
        }
        changes.remove();
        super.commit();
        generation.incrementAndGet();
    }

    @Override
    public void abort() {
        changes.remove();
        super.abort();
    }

    @Override
    public void end() {
        changes.remove();
        super.end();
    }

    /** How many write transactions have committed: the pages' cue that the data changed. */
    long generation() {
        return generation.get();
    }

    private void check(Changes changed) {
        if (changed.whole || changed.graphs().stream().anyMatch(ShapeCheckedDataset::changesEveryResource)) {
            checkWhole();
        } else if (!changed.quads.isEmpty()) {
            checkChange(changed);
        }
    }

    /** The ontology and the shared entailments give classes to every resource (rdfs:subClassOf, rdf:type). */
    private static boolean changesEveryResource(Node graph) {
        return graph.equals(KbNames.ONTOLOGY_GRAPH) || graph.equals(KbNames.ENTAILMENTS_GRAPH);
    }

    private void checkWhole() {
        ValidationReport report = ShaclValidator.get().validate(shapes, getUnionGraph());
        if (!report.conforms()) {
            abort();
            ServletOps.error(422, PlainTextError.ascii(refusal(report)));
        }
        // The rule SHACL cannot say: every excerpt verbatim at its offsets in its report's text.
        refuseIfAny(new ExcerptCheck().check(asProject(Iter.toSet(listGraphNodes()))));
    }

    private void checkChange(Changes changed) {
        Set<Triple> triples = new LinkedHashSet<>();
        changed.quads.forEach(quad -> triples.add(quad.asTriple()));
        ChangeCheck.Focus focus = ChangeCheck.focusOf(getUnionGraph(), triples);
        List<ChangeCheck.Violation> violations = changeCheck.check(this, focus);
        if (!violations.isEmpty()) {
            abort();
            ServletOps.error(422, PlainTextError.ascii(refusalOf(violations)));
        }
        refuseIfAny(new ExcerptCheck().check(asProject(changed.graphs())));
    }

    private void refuseIfAny(List<Problem> excerpts) {
        if (!excerpts.isEmpty()) {
            abort();
            ServletOps.error(422, PlainTextError.ascii(refusal(excerpts)));
        }
    }

    /**
     * The given graphs as the checks read a project: each but the ontology and the entailments is a
     * data graph; a graph holding its report's {@code parley:fullText} is that report's, checked
     * against that text.
     */
    private ParsedProject asProject(Set<Node> graphs) {
        Map<Node, Graph> data = new LinkedHashMap<>();
        Map<Node, String> names = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Node name : graphs) {
            if (name.equals(KbNames.ONTOLOGY_GRAPH) || KbNames.isEntailmentGraph(name) || !name.isURI()) {
                continue;
            }
            Graph graph = getGraph(name);
            data.put(name, graph);
            names.put(name, "graph <" + name.getURI() + ">");
            String id = KbNames.graphName(name);
            if (id != null) {
                graph.find(KbNames.report(id), Parley.fullText.asNode(), Node.ANY).nextOptional()
                     .ifPresent(t -> texts.put(id, t.getObject().getLiteralLexicalForm()));
            }
        }
        return new ParsedProject(getGraph(KbNames.ONTOLOGY_GRAPH), GraphFactory.createDefaultGraph(), data, names,
                texts, PrefixMapping.Factory.create());
    }

    // -- Recording the changes ------------------------------------------------------------------
    // Every write reaches one of these: SPARQL Update adds and deletes quads, CLEAR and DROP delete
    // through deleteAny or removeGraph, LOAD and Graph Store uploads write into getGraph's view,
    // which calls back here.

    /** The quads a write transaction added or deleted, or that it changed too much to follow. */
    private static final class Changes {
        private Set<Quad> quads = new LinkedHashSet<>();
        private boolean whole;

        void record(Quad quad) {
            if (whole) {
                return;
            }
            quads.add(quad);
            if (quads.size() > MAX_RECORDED) {
                whole = true;
                quads = Set.of();
            }
        }

        Set<Node> graphs() {
            Set<Node> graphs = new LinkedHashSet<>();
            quads.forEach(quad -> graphs.add(quad.getGraph()));
            return graphs;
        }
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode)) {
            return super.getGraph(graphNode);
        }
        // A view whose writes come back through this dataset's add and delete, to be recorded.
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public void add(Quad quad) {
        super.add(quad);
        changes.get().record(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        super.add(g, s, p, o);
        changes.get().record(Quad.create(g, s, p, o));
    }

    @Override
    public void delete(Quad quad) {
        super.delete(quad);
        changes.get().record(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        super.delete(g, s, p, o);
        changes.get().record(Quad.create(g, s, p, o));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        recordAll(find(g, s, p, o));
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void removeGraph(Node graphName) {
        recordAll(find(graphName, Node.ANY, Node.ANY, Node.ANY));
        super.removeGraph(graphName);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        // Replaces the graph: what it held is deleted, what is given is added.
        recordAll(find(graphName, Node.ANY, Node.ANY, Node.ANY));
        graph.find().forEachRemaining(t -> changes.get().record(Quad.create(graphName, t)));
        super.addGraph(graphName, graph);
    }

    @Override
    public void clear() {
        changes.get().whole = true;
        super.clear();
    }

    private void recordAll(Iterator<Quad> quads) {
        Changes changed = changes.get();
        List<Quad> found = new ArrayList<>();
        // Read before recording: the iterator must not outlive the deletion it announces.
        while (quads.hasNext() && !changed.whole) {
            found.add(quads.next());
            if (found.size() > MAX_RECORDED) {
                changed.whole = true;
            }
        }
        found.forEach(changed::record);
    }

    // -- Refusals --------------------------------------------------------------------------------

    static String refusalOf(List<ChangeCheck.Violation> violations) {
        StringBuilder text = new StringBuilder("Update refused: the knowledge base would break ")
                .append(violations.size()).append(violations.size() == 1 ? " shape constraint" : " shape constraints")
                .append(" (ontology/shapes.ttl); nothing was changed.");
        for (ChangeCheck.Violation v : violations.subList(0, Math.min(MAX_REPORT_LINES, violations.size()))) {
            text.append('\n').append("  ").append(v.focus());
            if (v.path() != null) {
                text.append(' ').append(v.path());
            }
            text.append(": ").append(v.message());
        }
        if (violations.size() > MAX_REPORT_LINES) {
            text.append("\n  ... and ").append(violations.size() - MAX_REPORT_LINES).append(" more");
        }
        return text.toString();
    }

    static String refusal(List<Problem> problems) {
        StringBuilder text = new StringBuilder("Update refused: ").append(problems.size())
                .append(problems.size() == 1 ? " excerpt or quotation is" : " excerpts or quotations are")
                .append(" not verbatim in their report's text; nothing was changed.");
        for (Problem problem : problems.subList(0, Math.min(MAX_REPORT_LINES, problems.size()))) {
            text.append("\n  ").append(problem.oneLine());
        }
        if (problems.size() > MAX_REPORT_LINES) {
            text.append("\n  ... and ").append(problems.size() - MAX_REPORT_LINES).append(" more");
        }
        return text.toString();
    }

    static String refusal(ValidationReport report) {
        List<ReportEntry> entries = List.copyOf(report.getEntries());
        StringBuilder text = new StringBuilder("Update refused: the knowledge base would break ")
                .append(entries.size()).append(entries.size() == 1 ? " shape constraint" : " shape constraints")
                .append(" (ontology/shapes.ttl); nothing was changed.");
        for (ReportEntry entry : entries.subList(0, Math.min(MAX_REPORT_LINES, entries.size()))) {
            text.append('\n').append("  ").append(entry.focusNode());
            if (entry.resultPath() != null) {
                text.append(' ').append(entry.resultPath());
            }
            text.append(": ").append(entry.message());
        }
        if (entries.size() > MAX_REPORT_LINES) {
            text.append("\n  ... and ").append(entries.size() - MAX_REPORT_LINES).append(" more");
        }
        return text.toString();
    }
}
