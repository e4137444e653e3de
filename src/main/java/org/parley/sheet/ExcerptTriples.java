package org.parley.sheet;

import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.parley.validate.ReportText;

/**
 * An excerpt as the graph holds it (a blank node: parley:Excerpt, oa:exact, oa:start, oa:end), written
 * from a placed quote and read back into the quote and occurrence cells. One home for the shape, so
 * that a compiled sheet exports to the same cells.
 */
final class ExcerptTriples {

    static final Node EXCERPT = SheetVocabulary.parley("Excerpt");
    static final Node EXACT = NodeFactory.createURI(SheetVocabulary.OA + "exact");
    static final Node START = NodeFactory.createURI(SheetVocabulary.OA + "start");
    static final Node END = NodeFactory.createURI(SheetVocabulary.OA + "end");

    /** What an excerpt gives a claim row: its quote, the occurrence cell ("" when the words occur once), its triples. */
    record Cells(String quote, String occurrence, List<Triple> triples) {
    }

    private ExcerptTriples() {
    }

    /** Adds the excerpt of a quote placed at the span. */
    static void add(Graph graph, Node excerpt, String quote, ReportText.Span span) {
        graph.add(excerpt, RDF.type.asNode(), EXCERPT);
        graph.add(excerpt, EXACT, NodeFactory.createLiteralString(quote));
        graph.add(excerpt, START, integer(span.start()));
        graph.add(excerpt, END, integer(span.end()));
    }

    /**
     * The cells that compile back to exactly this excerpt: it has the four triples of {@link #add}
     * and no other, its exact words are in the text and its offsets are one of their occurrences.
     * Empty if a sheet cannot say it.
     */
    static Optional<Cells> readBack(Graph graph, Node excerpt, ReportText text) {
        List<Triple> about = graph.find(excerpt, Node.ANY, Node.ANY).toList();
        Optional<String> exact = single(graph, excerpt, EXACT);
        Optional<String> start = single(graph, excerpt, START);
        if (about.size() != 4 || exact.isEmpty() || start.isEmpty() || !graph.contains(excerpt, RDF.type.asNode(), EXCERPT)) {
            return Optional.empty();
        }
        List<ReportText.Span> spans = text.find(exact.get());
        int occurrence = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (String.valueOf(spans.get(i).start()).equals(start.get())
                    && graph.contains(excerpt, END, integer(spans.get(i).end()))
                    && graph.contains(excerpt, START, NodeFactory.createLiteralDT(start.get(), XSDDatatype.XSDinteger))) {
                occurrence = i + 1;
            }
        }
        if (occurrence < 1 || !graph.contains(excerpt, EXACT, NodeFactory.createLiteralString(exact.get()))) {
            return Optional.empty();
        }
        return Optional.of(new Cells(exact.get(), spans.size() > 1 ? String.valueOf(occurrence) : "", about));
    }

    private static Node integer(int value) {
        return NodeFactory.createLiteralDT(String.valueOf(value), XSDDatatype.XSDinteger);
    }

    /** The lexical form of the subject's one literal value of the property, if it has exactly one. */
    private static Optional<String> single(Graph graph, Node subject, Node property) {
        List<Triple> found = graph.find(subject, property, Node.ANY).toList();
        return found.size() == 1 && found.get(0).getObject().isLiteral()
                ? Optional.of(found.get(0).getObject().getLiteralLexicalForm()) : Optional.empty();
    }
}
