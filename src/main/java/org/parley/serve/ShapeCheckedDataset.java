package org.parley.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.validate.ExcerptCheck;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * A served dataset whose writes must leave the knowledge base valid: every write transaction
 * (a SPARQL Update, a Graph Store upload) is checked against the project's SHACL shapes just
 * before it commits, over the union of the named graphs (as the loader checks the sources), and
 * each excerpt and quotation against its report's text ({@link ExcerptCheck}). If the result
 * breaks either, the transaction is aborted — nothing changes — and the client gets
 * HTTP 422 with the shape report's first lines.
 */
final class ShapeCheckedDataset extends DatasetGraphWrapper {

    /** Report lines shown to the client; the count of the rest is given. */
    static final int MAX_REPORT_LINES = 20;

    private final Shapes shapes;
    private final AtomicLong generation = new AtomicLong();

    ShapeCheckedDataset(DatasetGraph base, Shapes shapes) {
        super(base, base.getContext());
        this.shapes = shapes;
    }

    @Override
    public void commit() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            ValidationReport report = ShaclValidator.get().validate(shapes, getUnionGraph());
            if (!report.conforms()) {
                abort();
                ServletOps.error(422, PlainTextError.ascii(refusal(report)));
            }
            // The rule SHACL cannot say: every excerpt verbatim at its offsets in its report's text.
            List<Problem> excerpts = new ExcerptCheck().check(asProject());
            if (!excerpts.isEmpty()) {
                abort();
                ServletOps.error(422, PlainTextError.ascii(refusal(excerpts)));
            }
        }
        super.commit();
        generation.incrementAndGet();
    }

    /** How many write transactions have committed: the pages' cue that the data changed. */
    long generation() {
        return generation.get();
    }

    /**
     * The dataset as the checks read a project: each named graph but the ontology and the
     * entailments is a data graph; a graph holding its report's {@code parley:fullText} is that
     * report's, checked against that text.
     */
    private ParsedProject asProject() {
        Map<Node, Graph> data = new LinkedHashMap<>();
        Map<Node, String> names = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        listGraphNodes().forEachRemaining(name -> {
            if (name.equals(KbNames.ONTOLOGY_GRAPH) || KbNames.isEntailmentGraph(name)) {
                return;
            }
            Graph graph = getGraph(name);
            data.put(name, graph);
            names.put(name, "graph <" + name.getURI() + ">");
            String id = KbNames.graphName(name);
            if (id != null) {
                graph.find(KbNames.report(id), Parley.fullText.asNode(), Node.ANY).nextOptional()
                     .ifPresent(t -> texts.put(id, t.getObject().getLiteralLexicalForm()));
            }
        });
        return new ParsedProject(getGraph(KbNames.ONTOLOGY_GRAPH), GraphFactory.createDefaultGraph(), data, names,
                texts, PrefixMapping.Factory.create());
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
