package org.parley.sheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.parley.sheet.SheetVocabulary.Column;
import org.parley.sheet.SheetVocabulary.Kind;
import org.parley.sheet.SheetVocabulary.ValueKind;
import org.parley.validate.ReportText;

/**
 * A report's claim sheet made into claims: one claim per row, its class by the kind column, each
 * filled cell a triple by what its column means for that kind ({@link SheetVocabulary}), and its
 * excerpt placed in the text. A row with any problem adds nothing, so that no claim is half there.
 */
final class ClaimSheetCompiler {

    /** Columns the compiler reads itself: they stand for no property of the claim. */
    private static final List<String> WITHOUT_PROPERTY = List.of(SheetVocabulary.ID, SheetVocabulary.KIND,
            SheetVocabulary.QUOTE, SheetVocabulary.OCCURRENCE, SheetVocabulary.CONTEXT,
            SheetVocabulary.SOURCE_COUNT, SheetVocabulary.SOURCE_SIDE);

    private final String reportId;
    private final QuotePlacer quotes;
    private final ClaimCellReader cellReader;

    ClaimSheetCompiler(String reportId, ReportText text, ClaimCellReader cellReader) {
        this.reportId = reportId;
        this.quotes = new QuotePlacer(text);
        this.cellReader = cellReader;
    }

    /** A row's claim IRI: kb:{@code id}, or one made from the report and row number when the id is blank. */
    static Node claimIri(String reportId, CsvTable.Row row, String idCell) {
        String id = idCell == null ? "" : idCell.strip();
        return NodeFactory.createURI(SheetVocabulary.KB + (id.isEmpty() ? "c-" + reportId + "-row" + row.number() : id));
    }

    /** Adds the claims of the good rows; rows are read only if the header and every problem before are clear. */
    void compile(CsvTable table, Graph graph, SheetProblems problems) {
        checkHeader(table, problems);
        if (problems.count() > 0) {
            return;
        }
        Set<Node> seen = new HashSet<>();
        Node report = NodeFactory.createURI(SheetVocabulary.REPORT + reportId);
        for (CsvTable.Row row : table.rows()) {
            if (row.blank()) {
                continue;
            }
            for (int extra = table.header().size(); extra < row.cells().size(); extra++) {
                if (!row.cell(extra).isBlank()) {
                    problems.at(row.number(), extra + 1, "a cell beyond the last named column",
                            "name the column in the header row, or move the words");
                }
            }
            compileRow(table, row, report, seen, graph, problems);
        }
    }

    private static void checkHeader(CsvTable table, SheetProblems problems) {
        for (String header : table.header()) {
            if (!SheetVocabulary.HEADERS.contains(header)) {
                problems.at(1, header, "unknown column '" + header + "'; did you mean "
                        + OntologyView.nearest(header, SheetVocabulary.HEADERS) + "?", "see docs/curation.md");
            }
        }
        Set<String> headers = new HashSet<>();
        for (String header : table.header()) {
            if (!headers.add(header)) {
                problems.inHeader("the column '" + header + "' is named twice",
                        "keep one; a cell with several values separates them with ' | '");
            }
        }
        for (String required : List.of(SheetVocabulary.KIND, SheetVocabulary.QUOTE)) {
            if (table.indexOf(required) < 0) {
                problems.inHeader("the sheet has no column '" + required + "'",
                        "the header row names the columns; see docs/curation.md");
            }
        }
    }

    private void compileRow(CsvTable table, CsvTable.Row row, Node report, Set<Node> seen, Graph graph,
                            SheetProblems problems) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            cells.put(table.header().get(i), row.cell(i));
        }
        int problemsBefore = problems.count();
        String idCell = cells.getOrDefault(SheetVocabulary.ID, "").strip();
        if (!idCell.isEmpty() && !SheetVocabulary.LOCAL_NAME.matcher(idCell).matches()) {
            problems.at(row.number(), SheetVocabulary.ID, "'" + idCell + "' is not an id",
                    "use letters, digits, '-', '_' and '.', or leave it blank");
            return;
        }
        Node claim = claimIri(reportId, row, idCell);
        if (!seen.add(claim)) {
            problems.at(row.number(), SheetVocabulary.ID, "the id '" + idCell + "' is used by an earlier row",
                    "give each row its own id");
        }
        Optional<Kind> kind = Kind.of(cells.get(SheetVocabulary.KIND));
        if (kind.isEmpty()) {
            problems.at(row.number(), SheetVocabulary.KIND, "bad kind '" + cells.get(SheetVocabulary.KIND) + "'",
                    "one of position, proposal, event, figure, affiliation");
            return;
        }
        List<Node[]> triples = new ArrayList<>();
        triples.add(new Node[] {claim, RDF.type.asNode(), kind.get().type});
        triples.add(new Node[] {claim, SheetVocabulary.parley("inReport"), report});
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            addCell(row.number(), kind.get(), claim, cell.getKey(), cell.getValue(), cells, problems, triples);
        }
        requireCells(row.number(), kind.get(), cells, problems);
        ReportText.Span span = quotes.place(row.number(), cells, problems);
        Node excerpt = span == null ? null : NodeFactory.createBlankNode();
        if (excerpt != null) {
            triples.add(new Node[] {claim, SheetVocabulary.parley("hasExcerpt"), excerpt});
        }
        if (problems.count() == problemsBefore) {
            triples.forEach(t -> graph.add(t[0], t[1], t[2]));
            if (excerpt != null) {
                ExcerptTriples.add(graph, excerpt, QuotePlacer.quoteOf(cells), span);
            }
        }
    }

    /** The triples of one filled cell: one per value, the property by the column and the row's kind. */
    private void addCell(int row, Kind kind, Node claim, String header, String words, Map<String, String> cells,
                         SheetProblems problems, List<Node[]> triples) {
        if (words.isBlank() || !SheetVocabulary.HEADERS.contains(header)) {
            return;
        }
        Column column = SheetVocabulary.column(header);
        Optional<Node> property = SheetVocabulary.property(kind, header);
        if (property.isEmpty()) {
            if (!WITHOUT_PROPERTY.contains(header)) {
                // Words in a column the kind has no use for would be lost without a word: refuse them.
                problems.at(row, header, "the column '" + header + "' means nothing for a " + kind.cell + " row",
                        "move the words to the right column, or to note");
            }
            return;
        }
        List<String> values = column.multiple() ? List.of(words.split(Pattern.quote(SheetVocabulary.SEPARATOR.strip()), -1))
                : List.of(words);
        for (String value : values) {
            // Words keep their spaces when they are the whole cell (a quotation is verbatim); names and numbers do not.
            String one = column.valueKind() == ValueKind.TEXT || column.valueKind() == ValueKind.ENGLISH
                    ? (column.multiple() ? value.strip() : value) : value.strip();
            Node object = cellReader.value(row, column, one, cells, problems, triples);
            if (object != null) {
                triples.add(new Node[] {claim, property.get(), object});
            }
        }
    }

    /** The cells a kind of claim cannot do without. */
    private static void requireCells(int row, Kind kind, Map<String, String> cells, SheetProblems problems) {
        if (kind == Kind.POSITION) {
            // A report that gives a stance but names no one who holds it: the party stays unknown,
            // and the no_party_reason cell says why (never a guessed party).
            if (cells.getOrDefault("no_party_reason", "").isBlank()) {
                require(row, cells, "party", "a position needs its party (who holds it), or a no_party_reason"
                        + " saying that the report names no one", problems);
            }
            require(row, cells, "stance", "a position needs its stance", problems);
            require(row, cells, "content", "a position needs its content (what it is about)", problems);
            require(row, cells, "polarity", "a position needs its polarity: affirmed, or negated if the report"
                    + " says it is not so", problems);
        }
        if (kind == Kind.AFFILIATION) {
            require(row, cells, "speaker", "an affiliation needs the person (speaker column)", problems);
            require(row, cells, "party", "an affiliation needs the organisation (party column)", problems);
        }
    }

    private static void require(int row, Map<String, String> cells, String column, String message, SheetProblems problems) {
        if (cells.getOrDefault(column, "").isBlank()) {
            problems.at(row, column, message, "fill in the " + column + " column");
        }
    }
}
