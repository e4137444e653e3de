package org.parley.serve;

import java.util.List;

import org.apache.jena.fuseki.servlets.ServletOps;
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
 * before it commits, over the union of the named graphs (as the loader checks the sources). If
 * the result breaks a shape, the transaction is aborted — nothing changes — and the client gets
 * HTTP 422 with the shape report's first lines.
 */
final class ShapeCheckedDataset extends DatasetGraphWrapper {

    /** Report lines shown to the client; the count of the rest is given. */
    static final int MAX_REPORT_LINES = 20;

    private final Shapes shapes;

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
                ServletOps.error(422, refusal(report));
            }
        }
        super.commit();
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
