package org.parley.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.parley.sheet.SheetVocabulary.Column;
import org.parley.sheet.SheetVocabulary.Kind;
import org.parley.sheet.SheetVocabulary.ValueKind;
import org.parley.validate.ReportText;

/**
 * A report's graph written as its claim sheet and things sheet. A triple goes in a claim row's column
 * only if reading the cell back gives that very triple; every other triple of the graph becomes a
 * row of the things sheet, so nothing the Turtle holds is dropped. What neither can say (a blank
 * node other than an excerpt) stops the export with a message rather than being left out.
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
    private static final Node EXACT = NodeFactory.createURI(SheetVocabulary.OA + "exact");
    private static final Node START = NodeFactory.createURI(SheetVocabulary.OA + "start");
    private static final Node END = NodeFactory.createURI(SheetVocabulary.OA + "end");

    private final Names names;
    private final OntologyView ontology;

    public SheetExporter(Names names, OntologyView ontology) {
        this.names = names;
        this.ontology = ontology;
    }

    public Sheets export(String reportId, String reportText, Graph graph) {
        ReportText text = new ReportText(reportText);
        Node report = NodeFactory.createURI(SheetVocabulary.REPORT + reportId);
        Set<Triple> consumed = new HashSet<>(graph.find(Node.ANY, FULL_TEXT, Node.ANY).toList());
        List<Node> claims = graph.find(Node.ANY, SheetVocabulary.parley("inReport"), report)
                .mapWith(Triple::getSubject)
                .filterKeep(c -> c.isURI() && c.getURI().startsWith(SheetVocabulary.KB)
                        && SheetCompiler.LOCAL_NAME.matcher(localName(c)).matches() && kindOf(graph, c).isPresent())
                .toList();
        claims = new ArrayList<>(claims);
        claims.sort(Comparator.comparing(SheetExporter::localName, SheetExporter::naturalOrder));

        List<List<String>> claimRows = new ArrayList<>();
        for (Node claim : claims) {
            claimRows.add(claimRow(graph, claim, report, text, consumed));
        }
        List<List<String>> thingRows = thingRows(graph, report, consumed);
        return new Sheets(claimRows, thingRows);
    }

    private List<String> claimRow(Graph graph, Node claim, Node report, ReportText text, Set<Triple> consumed) {
        Kind kind = kindOf(graph, claim).orElseThrow();
        String[] cells = new String[SheetVocabulary.HEADERS.size()];
        java.util.Arrays.fill(cells, "");
        cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.ID)] = localName(claim);
        cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.KIND)] = kind.cell;
        consumed.add(Triple.create(claim, RDF.type.asNode(), kind.type));
        consumed.add(Triple.create(claim, SheetVocabulary.parley("inReport"), report));

        List<Triple> excerpts = graph.find(claim, SheetVocabulary.parley("hasExcerpt"), Node.ANY).toList();
        if (excerpts.size() == 1 && excerpts.get(0).getObject().isBlank()) {
            Node excerpt = excerpts.get(0).getObject();
            List<Triple> about = graph.find(excerpt, Node.ANY, Node.ANY).toList();
            Optional<String> exact = single(graph, excerpt, EXACT);
            Optional<String> start = single(graph, excerpt, START);
            if (about.size() == 4 && exact.isPresent() && start.isPresent()
                    && graph.contains(excerpt, RDF.type.asNode(), SheetVocabulary.parley("Excerpt"))) {
                List<ReportText.Span> spans = text.find(exact.get());
                int occurrence = -1;
                for (int i = 0; i < spans.size(); i++) {
                    if (String.valueOf(spans.get(i).start()).equals(start.get())
                            && graph.contains(excerpt, END, NodeFactory.createLiteralDT(String.valueOf(spans.get(i).end()),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))
                            && graph.contains(excerpt, START, NodeFactory.createLiteralDT(start.get(),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))) {
                        occurrence = i + 1;
                    }
                }
                if (occurrence > 0 && graph.contains(excerpt, EXACT, NodeFactory.createLiteralString(exact.get()))) {
                    cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.QUOTE)] = exact.get();
                    cells[SheetVocabulary.HEADERS.indexOf(SheetVocabulary.OCCURRENCE)] = spans.size() > 1 ? String.valueOf(occurrence) : "";
                    consumed.addAll(about);
                    consumed.add(excerpts.get(0));
                }
            }
        }
        if (!consumed.containsAll(excerpts)) {
            throw new IllegalStateException(localName(claim) + ": its excerpt is not one verbatim passage of the report's"
                    + " text; a sheet cannot say it (validate the Turtle first)");
        }

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
            if (written.size() == triples.size()) {
                written.sort(null);
                cells[SheetVocabulary.HEADERS.indexOf(column.header())] = String.join(SheetVocabulary.SEPARATOR, written);
                consumed.addAll(triples);
            }
        }
        return List.of(cells);
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
                return localName(value);
            }
            default: {
                if (!value.isLiteral()) {
                    return null;
                }
                String words = value.getLiteralLexicalForm();
                boolean readsBack = SheetVocabulary.literal(column.valueKind(), words).equals(value)
                        && (!column.multiple() || (words.strip().equals(words) && !words.contains(separator)))
                        && (column.valueKind() == ValueKind.TEXT || column.valueKind() == ValueKind.ENGLISH
                        || words.strip().equals(words));
                return readsBack && !words.isBlank() ? words : null;
            }
        }
    }

    private List<List<String>> thingRows(Graph graph, Node report, Set<Triple> consumed) {
        List<Triple> rest = new ArrayList<>(graph.find().toList());
        rest.removeAll(consumed);
        for (Triple triple : rest) {
            if (triple.getSubject().isBlank() || triple.getObject().isBlank()) {
                throw new IllegalStateException("a blank node other than an excerpt (" + triple
                        + "): a sheet cannot say it; give the node an IRI in the Turtle");
            }
        }
        rest.sort(Comparator.comparing((Triple t) -> !t.getSubject().equals(report))
                .thenComparing(t -> localName(t.getSubject()), SheetExporter::naturalOrder)
                .thenComparing(t -> predicateRank(t.getPredicate()))
                .thenComparing(t -> t.getPredicate().getURI())
                .thenComparing(t -> t.getObject().toString()));
        List<List<String>> rows = new ArrayList<>();
        for (Triple triple : rest) {
            rows.add(thingRow(triple));
        }
        return rows;
    }

    private List<String> thingRow(Triple triple) {
        Node subject = triple.getSubject();
        String thing = subject.getURI().startsWith(SheetVocabulary.KB)
                && SheetCompiler.LOCAL_NAME.matcher(localName(subject)).matches()
                && !subject.getURI().startsWith(SheetVocabulary.REPORT)
                ? localName(subject) : prefixedOrFull(subject);
        String property = propertyCell(triple.getPredicate());
        Node value = triple.getObject();
        if (value.isURI()) {
            if (triple.getPredicate().equals(RDF.type.asNode())) {
                String cls = value.getURI().startsWith(SheetVocabulary.PARLEY) ? localName(value) : prefixedOrFull(value);
                return List.of(thing, property, cls, "");
            }
            String name = names.nameOf(value);
            return List.of(thing, property, name, ontology.linksThings(triple.getPredicate()) ? "" : "name");
        }
        String words = value.getLiteralLexicalForm();
        Node byDefault = ontology.defaultLiteral(triple.getPredicate(), words);
        String datatype;
        if (byDefault.equals(value)) {
            datatype = "";
        } else if (!value.getLiteralLanguage().isEmpty()) {
            datatype = "@" + value.getLiteralLanguage();
        } else if (value.getLiteralDatatypeURI().equals(XSD.xstring.getURI())) {
            datatype = "string";
        } else {
            datatype = prefixedOrFull(NodeFactory.createURI(value.getLiteralDatatypeURI()));
        }
        return List.of(thing, property, words, datatype);
    }

    private static String propertyCell(Node property) {
        if (property.equals(RDF.type.asNode())) {
            return "type";
        }
        if (property.equals(RDFS.label.asNode())) {
            return "label";
        }
        if (property.equals(RDFS.comment.asNode())) {
            return "comment";
        }
        if (property.equals(SKOS.note.asNode())) {
            return "note";
        }
        if (property.equals(SKOS.altLabel.asNode())) {
            return "altLabel";
        }
        if (property.equals(SKOS.prefLabel.asNode())) {
            return "prefLabel";
        }
        if (property.getURI().startsWith(SheetVocabulary.PARLEY)) {
            return localName(property);
        }
        return prefixedOrFull(property);
    }

    private static int predicateRank(Node predicate) {
        if (predicate.equals(RDF.type.asNode())) {
            return 0;
        }
        return predicate.equals(RDFS.label.asNode()) ? 1 : 2;
    }

    static String prefixedOrFull(Node iri) {
        String uri = iri.getURI();
        String best = null;
        for (var prefix : Names.PREFIXES.entrySet()) {
            String ns = prefix.getValue();
            String local = uri.startsWith(ns) ? uri.substring(ns.length()) : null;
            if (local != null && !local.isEmpty() && SheetCompiler.LOCAL_NAME.matcher(local).matches()
                    && (best == null || ns.length() > best.length())) {
                best = ns;
            }
        }
        if (best == null) {
            return "<" + uri + ">";
        }
        for (var prefix : Names.PREFIXES.entrySet()) {
            if (prefix.getValue().equals(best)) {
                return prefix.getKey() + ":" + uri.substring(best.length());
            }
        }
        return "<" + uri + ">";
    }

    static Optional<Kind> kindOf(Graph graph, Node claim) {
        for (Kind kind : Kind.values()) {
            if (graph.contains(claim, RDF.type.asNode(), kind.type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> single(Graph graph, Node subject, Node property) {
        List<Triple> found = graph.find(subject, property, Node.ANY).toList();
        return found.size() == 1 && found.get(0).getObject().isLiteral()
                ? Optional.of(found.get(0).getObject().getLiteralLexicalForm()) : Optional.empty();
    }

    static String localName(Node iri) {
        if (!iri.isURI()) {
            return iri.toString();
        }
        String uri = iri.getURI();
        int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
        return uri.substring(cut + 1);
    }

    /** c000-2 before c000-10: digits compared as numbers. */
    static int naturalOrder(String a, String b) {
        Pattern chunks = Pattern.compile("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] x = chunks.split(a);
        String[] y = chunks.split(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
