package org.parley.sheet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.parley.validate.ReportText;

/**
 * A report's graph written as its claim sheet and things sheet. A triple goes in a claim row's column
 * only if reading the cell back gives that very triple ({@link ClaimRowWriter}); every other triple
 * of the graph becomes a row of the things sheet ({@link ThingRowWriter}), so nothing the Turtle holds
 * is dropped. What neither can say (a blank node other than an excerpt) stops the export with a
 * message rather than being left out.
 */
public final class SheetExporter {

    /** The two tables of a report. */
    public record Sheets(List<List<String>> claimRows, List<List<String>> thingRows) {
        public String claimsCsv() {
            return CsvTable.write(SheetVocabulary.HEADERS, claimRows);
        }

        public String thingsCsv() {
            return CsvTable.write(SheetVocabulary.THING_HEADERS, thingRows);
        }
    }

    private static final Node FULL_TEXT = SheetVocabulary.parley("fullText");
    private static final Pattern DIGITS_OR_NOT = Pattern.compile("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");

    private final ClaimRowWriter claimRows;
    private final ThingRowWriter thingRows;

    public SheetExporter(Names names, OntologyView ontology) {
        this.claimRows = new ClaimRowWriter(names, ontology);
        this.thingRows = new ThingRowWriter(names, ontology);
    }

    public Sheets export(String reportId, String reportText, Graph graph) {
        ReportText text = new ReportText(reportText);
        Node report = NodeFactory.createURI(SheetVocabulary.REPORT + reportId);
        // The report's full text is its file's, not a statement of the curator's: no sheet writes it.
        Set<Triple> consumed = new HashSet<>(graph.find(Node.ANY, FULL_TEXT, Node.ANY).toList());
        // A claim gets a row only if a row can name it (a kb: id) and say its kind; others stay things.
        List<Node> claims = new ArrayList<>(graph.find(Node.ANY, SheetVocabulary.parley("inReport"), report)
                .mapWith(Triple::getSubject)
                .filterKeep(c -> c.isURI() && c.getURI().startsWith(SheetVocabulary.KB)
                        && SheetVocabulary.LOCAL_NAME.matcher(IriCells.localName(c)).matches()
                        && ClaimRowWriter.kindOf(graph, c).isPresent())
                .toList());
        claims.sort(Comparator.comparing(IriCells::localName, SheetExporter::naturalOrder));

        List<List<String>> rows = new ArrayList<>();
        for (Node claim : claims) {
            rows.add(claimRows.row(graph, claim, report, text, consumed));
        }
        return new Sheets(rows, thingRows.rows(graph, report, consumed));
    }

    /** c000-2 before c000-10: digits compared as numbers. */
    static int naturalOrder(String a, String b) {
        String[] x = DIGITS_OR_NOT.split(a);
        String[] y = DIGITS_OR_NOT.split(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? new BigInteger(x[i]).compareTo(new BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
