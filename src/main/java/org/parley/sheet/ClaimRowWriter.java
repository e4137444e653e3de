package org.parley.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.parley.sheet.SheetVocabulary.Column;
import org.parley.sheet.SheetVocabulary.Kind;
import org.parley.sheet.SheetVocabulary.ValueKind;
import org.parley.validate.ReportText;

/**
 * A claim written as a claim sheet row. A triple goes in a column only if reading the cell back
 * ({@link ClaimCellReader}) gives that very triple; the triples a row says are marked consumed, and
 * the rest go to the things sheet.
 */
final class ClaimRowWriter {

    private final Names names;
    private final OntologyView ontology;

    ClaimRowWriter(Names names, OntologyView ontology) {
        this.names = names;
        this.ontology = ontology;
    }

    /** The claim's kind by its class, if it has the class of one. */
    static Optional<Kind> kindOf(Graph graph, Node claim) {
        for (Kind kind : Kind.values()) {
            if (graph.contains(claim, RDF.type.asNode(), kind.type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The claim's row, in {@link SheetVocabulary#HEADERS} order; what the row says is added to {@code consumed}. */
    List<String> row(Graph graph, Node claim, Node report, ReportText text, Set<Triple> consumed) {
        Kind kind = kindOf(graph, claim).orElseThrow();
        String[] cells = new String[SheetVocabulary.HEADERS.size()];
        Arrays.fill(cells, "");
        cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.ID)] = IriCells.localName(claim);
        cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.KIND)] = kind.cell;
        consumed.add(Triple.create(claim, RDF.type.asNode(), kind.type));
        consumed.add(Triple.create(claim, SheetVocabulary.parley("inReport"), report));
        writeExcerpt(graph, claim, text, cells, consumed);
        for (Column column : SheetVocabulary.COLUMNS) {
            Optional<Node> property = SheetVocabulary.property(kind, column.header());
            if (property.isEmpty()) {
                continue;
            }
            List<Triple> triples = graph.find(claim, property.get(), Node.ANY).toList();
            if (triples.isEmpty() || (!column.multiple() && triples.size() > 1)) {
                continue;
            }
            List<String> written = new ArrayList<>();
            for (Triple triple : triples) {
                String cell = cellFor(column, triple.getObject());
                if (cell == null) {
                    break;
                }
                written.add(cell);
            }
            // All of the column's values or none: a cell that says half of them would lose the rest.
            if (written.size() == triples.size()) {
                written.sort(null);
                cells[SheetVocabulary.HEADERS.indexOf(column.header())] = String.join(SheetVocabulary.SEPARATOR, written);
                consumed.addAll(triples);
            }
        }
        return List.of(cells);
    }

    /** The quote and occurrence cells of the claim's one excerpt; the export stops if a sheet cannot say it. */
    private static void writeExcerpt(Graph graph, Node claim, ReportText text, String[] cells, Set<Triple> consumed) {
        List<Triple> excerpts = graph.find(claim, SheetVocabulary.parley("hasExcerpt"), Node.ANY).toList();
        if (excerpts.size() == 1 && excerpts.get(0).getObject().isBlank()) {
            ExcerptTriples.readBack(graph, excerpts.get(0).getObject(), text).ifPresent(excerpt -> {
                cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.QUOTE)] = excerpt.quote();
                cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.OCCURRENCE)] = excerpt.occurrence();
                consumed.addAll(excerpt.triples());
                consumed.add(excerpts.get(0));
            });
        }
        if (!consumed.containsAll(excerpts)) {
            throw new IllegalStateException(IriCells.localName(claim) + ": its excerpt is not one verbatim passage of the"
                    + " report's text; a sheet cannot say it (validate the Turtle first)");
        }
    }

    /** The cell that reads back as exactly this value in this column, or null if there is none. */
    private String cellFor(Column column, Node value) {
        String separator = SheetVocabulary.SEPARATOR.strip();
        switch (column.valueKind()) {
            case NAME: {
                if (!value.isURI()) {
                    return null;
                }
                String name = names.nameOf(value);
                Names.Resolution back = names.resolve(name);
                return back.ok() && back.iri().equals(value) && !name.contains(separator) ? name : null;
            }
            case VOCABULARY: {
                if (!value.isURI() || !ontology.concepts(column.scheme()).containsValue(value)) {
                    return null;
                }
                return IriCells.localName(value);
            }
            default: {
                if (!value.isLiteral()) {
                    return null;
                }
                String words = value.getLiteralLexicalForm();
                // The reader strips a value of a multiple cell, and names and numbers always: such words must have no spaces to lose.
                boolean readsBack = SheetVocabulary.literal(column.valueKind(), words).equals(value)
                        && (!column.multiple() || (words.strip().equals(words) && !words.contains(separator)))
                        && (column.valueKind() == ValueKind.TEXT || column.valueKind() == ValueKind.ENGLISH
                        || words.strip().equals(words));
                return readsBack && !words.isBlank() ? words : null;
            }
        }
    }
}
