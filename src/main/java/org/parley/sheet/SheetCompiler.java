package org.parley.sheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.parley.sheet.SheetVocabulary.Column;
import org.parley.sheet.SheetVocabulary.Kind;
import org.parley.sheet.SheetVocabulary.ValueKind;
import org.parley.validate.Problem;
import org.parley.validate.ReportText;

/**
 * One report's claim sheet (and things sheet) made into the report's graph: the triples a curator
 * would have written in Turtle, with each quote found in the report's text and its offsets recorded.
 * Every problem of every row is collected; a sheet with any problem gives no graph.
 */
public final class SheetCompiler {

    public static final String RULE = "sheet";
    static final Pattern LOCAL_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    static final String NO_LINK_REASON = "An anonymous source has no external identity.";

    private final String reportId;
    private final ReportText text;
    private final Names names;
    private final OntologyView ontology;
    /** The things this report's things sheet describes. */
    private final Set<Node> ownThings = new HashSet<>();

    public record Result(Graph graph, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public SheetCompiler(String reportId, String reportText, Names names, OntologyView ontology) {
        this.reportId = reportId;
        this.text = new ReportText(reportText);
        this.names = names;
        this.ontology = ontology;
    }

    /**
     * Makes the sheets' own names known before any sheet is compiled, so that rows may name
     * claims and things of any sheet: claim ids, thing ids and the labels the things sheet gives.
     */
    public static void declare(String reportId, CsvTable claims, CsvTable things, Names names) {
        if (claims != null) {
            int id = claims.indexOf(SheetVocabulary.ID);
            for (CsvTable.Row row : claims.rows()) {
                names.declare(claimIri(reportId, row, row.cell(id)));
            }
        }
        if (things != null) {
            for (CsvTable.Row row : things.rows()) {
                Node thing = thingIri(row.cell(0));
                if (thing == null) {
                    continue;
                }
                names.declare(thing);
                Node property = thingProperty(row.cell(1));
                if (property != null && (property.equals(RDFS.label.asNode()) || property.equals(SKOS.prefLabel.asNode())
                        || property.equals(SKOS.altLabel.asNode())) && !row.cell(2).isBlank()) {
                    names.addLabel(thing, row.cell(2));
                }
            }
        }
    }

    public Result compile(CsvTable claims, CsvTable things) {
        Graph graph = GraphFactory.createDefaultGraph();
        List<Problem> problems = new ArrayList<>();
        if (things != null) {
            compileThings(things, graph, problems);
        }
        compileClaims(claims, graph, problems);
        return new Result(problems.isEmpty() ? graph : null, problems);
    }

    // -- The things sheet: one statement per row ---------------------------------------------------

    private void compileThings(CsvTable table, Graph graph, List<Problem> problems) {
        if (!table.header().subList(0, Math.min(3, table.header().size())).equals(SheetVocabulary.THING_HEADERS.subList(0, 3))) {
            problems.add(Problem.error(table.file() + ":1", RULE, "the things sheet's columns must be "
                    + String.join(",", SheetVocabulary.THING_HEADERS), "see docs/curation.md"));
            return;
        }
        for (CsvTable.Row row : table.rows()) {
            if (row.blank()) {
                continue;
            }
            Node thing = thingIri(row.cell(0));
            if (thing == null) {
                problems.add(Problem.error(table.file() + ":" + row.number() + ":1", RULE,
                        "'" + row.cell(0) + "' is not an id", "use letters, digits, '-', '_' and '.', e.g. t005-ceasefire"));
                continue;
            }
            Node property = thingProperty(row.cell(1));
            if (property == null || (property.getURI().startsWith(SheetVocabulary.PARLEY) && !ontology.declares(property))) {
                problems.add(Problem.error(table.file() + ":" + row.number() + ":2", RULE,
                        "unknown property '" + row.cell(1) + "'; did you mean "
                                + OntologyView.nearest(row.cell(1), ontology.parleyTerms()) + "?",
                        "a parley property by its name (hasTermType), or a prefixed name (skos:note)"));
                continue;
            }
            String words = row.cell(2);
            String datatype = row.cell(3).strip();
            String where = table.file() + ":" + row.number() + ":3";
            if (words.isEmpty()) {
                problems.add(Problem.error(where, RULE, "the value is empty", "give a value or delete the row"));
                continue;
            }
            Node value;
            if (property.equals(RDF.type.asNode()) && datatype.isEmpty()) {
                value = typeIri(words);
                if (value == null || (value.getURI().startsWith(SheetVocabulary.PARLEY) && !ontology.declares(value))) {
                    problems.add(Problem.error(where, RULE, "unknown class '" + words + "'; did you mean "
                            + OntologyView.nearest(words, ontology.parleyTerms()) + "?", "a parley class by its name, e.g. Term"));
                    continue;
                }
            } else if (datatype.equals("name") || (datatype.isEmpty() && ontology.linksThings(property))) {
                Names.Resolution resolved = names.resolve(words);
                if (!resolved.ok()) {
                    problems.add(Problem.error(where, RULE, resolved.error(), ""));
                    continue;
                }
                value = resolved.iri();
            } else if (datatype.isEmpty()) {
                value = ontology.defaultLiteral(property, words);
            } else if (datatype.startsWith("@")) {
                value = NodeFactory.createLiteralLang(words, datatype.substring(1));
            } else if (datatype.equals("string")) {
                value = NodeFactory.createLiteralString(words);
            } else {
                Node type = Names.expandPrefixed(datatype);
                if (type == null) {
                    problems.add(Problem.error(table.file() + ":" + row.number() + ":4", RULE,
                            "unknown datatype '" + datatype + "'", "blank, name, string, @en or a prefixed datatype such as xsd:integer"));
                    continue;
                }
                value = NodeFactory.createLiteralDT(words, TypeMapper.getInstance().getSafeTypeByName(type.getURI()));
            }
            if (value.isLiteral() && !value.getLiteralDatatype().isValid(value.getLiteralLexicalForm())) {
                problems.add(Problem.error(where, RULE, "'" + words + "' is not a valid " + value.getLiteralDatatypeURI(), ""));
                continue;
            }
            graph.add(thing, property, value);
            ownThings.add(thing);
        }
    }

    static Node thingIri(String cell) {
        String name = cell.strip();
        if (name.startsWith("<") && name.endsWith(">")) {
            return NodeFactory.createURI(name.substring(1, name.length() - 1));
        }
        Node prefixed = Names.expandPrefixed(name);
        if (prefixed != null) {
            return prefixed;
        }
        return LOCAL_NAME.matcher(name).matches() ? NodeFactory.createURI(SheetVocabulary.KB + name) : null;
    }

    static Node thingProperty(String cell) {
        String name = cell.strip();
        switch (name) {
            case "type": return RDF.type.asNode();
            case "label": return RDFS.label.asNode();
            case "comment": return RDFS.comment.asNode();
            case "note": return SKOS.note.asNode();
            case "altLabel": return SKOS.altLabel.asNode();
            case "prefLabel": return SKOS.prefLabel.asNode();
            default: break;
        }
        Node prefixed = Names.expandPrefixed(name);
        if (prefixed != null) {
            return prefixed;
        }
        if (name.startsWith("<") && name.endsWith(">")) {
            return NodeFactory.createURI(name.substring(1, name.length() - 1));
        }
        return LOCAL_NAME.matcher(name).matches() ? SheetVocabulary.parley(name) : null;
    }

    private static Node typeIri(String cell) {
        Node prefixed = Names.expandPrefixed(cell.strip());
        if (prefixed != null) {
            return prefixed;
        }
        return LOCAL_NAME.matcher(cell.strip()).matches() ? SheetVocabulary.parley(cell.strip()) : null;
    }

    // -- The claim sheet: one claim per row --------------------------------------------------------

    private void compileClaims(CsvTable table, Graph graph, List<Problem> problems) {
        for (String header : table.header()) {
            if (!SheetVocabulary.HEADERS.contains(header)) {
                problems.add(Problem.error(table.location(1, header), RULE, "unknown column '" + header + "'; did you mean "
                        + OntologyView.nearest(header, SheetVocabulary.HEADERS) + "?", "see docs/curation.md"));
            }
        }
        Set<String> headers = new HashSet<>();
        for (String header : table.header()) {
            if (!headers.add(header)) {
                problems.add(Problem.error(table.file() + ":1", RULE, "the column '" + header + "' is named twice",
                        "keep one; a cell with several values separates them with ' | '"));
            }
        }
        for (String required : List.of(SheetVocabulary.KIND, SheetVocabulary.QUOTE)) {
            if (table.indexOf(required) < 0) {
                problems.add(Problem.error(table.file() + ":1", RULE, "the sheet has no column '" + required + "'",
                        "the header row names the columns; see docs/curation.md"));
            }
        }
        if (!problems.isEmpty()) {
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
                    problems.add(Problem.error(table.file() + ":" + row.number() + ":" + (extra + 1), RULE,
                            "a cell beyond the last named column", "name the column in the header row, or move the words"));
                }
            }
            compileRow(table, row, report, seen, graph, problems);
        }
    }

    private void compileRow(CsvTable table, CsvTable.Row row, Node report, Set<Node> seen, Graph graph,
                            List<Problem> problems) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            cells.put(table.header().get(i), row.cell(i));
        }
        int problemsBefore = problems.size();
        String idCell = cells.getOrDefault(SheetVocabulary.ID, "").strip();
        if (!idCell.isEmpty() && !LOCAL_NAME.matcher(idCell).matches()) {
            problems.add(Problem.error(table.location(row.number(), SheetVocabulary.ID), RULE,
                    "'" + idCell + "' is not an id", "use letters, digits, '-', '_' and '.', or leave it blank"));
            return;
        }
        Node claim = claimIri(reportId, row, idCell);
        if (!seen.add(claim)) {
            problems.add(Problem.error(table.location(row.number(), SheetVocabulary.ID), RULE,
                    "the id '" + idCell + "' is used by an earlier row", "give each row its own id"));
        }
        Optional<Kind> kind = Kind.of(cells.get(SheetVocabulary.KIND));
        if (kind.isEmpty()) {
            problems.add(Problem.error(table.location(row.number(), SheetVocabulary.KIND), RULE,
                    "bad kind '" + cells.get(SheetVocabulary.KIND) + "'",
                    "one of position, proposal, event, figure, affiliation"));
            return;
        }
        List<Node[]> triples = new ArrayList<>();
        triples.add(new Node[] {claim, RDF.type.asNode(), kind.get().type});
        triples.add(new Node[] {claim, SheetVocabulary.parley("inReport"), report});

        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String header = cell.getKey();
            String words = cell.getValue();
            if (words.isBlank() || !SheetVocabulary.HEADERS.contains(header)) {
                continue;
            }
            Column column = SheetVocabulary.column(header);
            Optional<Node> property = SheetVocabulary.property(kind.get(), header);
            if (property.isEmpty()) {
                if (!List.of(SheetVocabulary.ID, SheetVocabulary.KIND, SheetVocabulary.QUOTE, SheetVocabulary.OCCURRENCE,
                        SheetVocabulary.CONTEXT,
                        SheetVocabulary.SOURCE_COUNT, SheetVocabulary.SOURCE_SIDE).contains(header)) {
                    problems.add(Problem.error(table.location(row.number(), header), RULE,
                            "the column '" + header + "' means nothing for a " + kind.get().cell + " row",
                            "move the words to the right column, or to note"));
                }
                continue;
            }
            List<String> values = column.multiple() ? List.of(words.split(Pattern.quote(SheetVocabulary.SEPARATOR.strip()), -1))
                    : List.of(words);
            for (String value : values) {
                String one = column.valueKind() == ValueKind.TEXT || column.valueKind() == ValueKind.ENGLISH
                        ? (column.multiple() ? value.strip() : value) : value.strip();
                Node object = value(table, row, column, one, cells, problems, triples);
                if (object != null) {
                    triples.add(new Node[] {claim, property.get(), object});
                }
            }
        }
        if (kind.get() == Kind.POSITION) {
            // A report that gives a stance but names no one who holds it: the party stays unknown,
            // and the no_party_reason cell says why (never a guessed party).
            if (cells.getOrDefault("no_party_reason", "").isBlank()) {
                requireCell(table, row, cells, "party", "a position needs its party (who holds it), or a no_party_reason"
                        + " saying that the report names no one", problems);
            }
            requireCell(table, row, cells, "stance", "a position needs its stance", problems);
            requireCell(table, row, cells, "content", "a position needs its content (what it is about)", problems);
            requireCell(table, row, cells, "polarity", "a position needs its polarity: affirmed, or negated if the report"
                    + " says it is not so", problems);
        }
        if (kind.get() == Kind.AFFILIATION) {
            requireCell(table, row, cells, "speaker", "an affiliation needs the person (speaker column)", problems);
            requireCell(table, row, cells, "party", "an affiliation needs the organisation (party column)", problems);
        }
        Node excerpt = excerpt(table, row, cells, problems);
        if (excerpt != null) {
            triples.add(new Node[] {claim, SheetVocabulary.parley("hasExcerpt"), excerpt});
        }
        if (problems.size() == problemsBefore) {
            triples.forEach(t -> graph.add(t[0], t[1], t[2]));
            if (excerpt != null) {
                addExcerpt(graph, excerpt, cells, table, row);
            }
        }
    }

    private void requireCell(CsvTable table, CsvTable.Row row, Map<String, String> cells, String column, String message,
                             List<Problem> problems) {
        if (cells.getOrDefault(column, "").isBlank()) {
            problems.add(Problem.error(table.location(row.number(), column), RULE, message, "fill in the " + column + " column"));
        }
    }

    private Node value(CsvTable table, CsvTable.Row row, Column column, String words, Map<String, String> cells,
                       List<Problem> problems, List<Node[]> triples) {
        String where = table.location(row.number(), column.header());
        switch (column.valueKind()) {
            case NAME: {
                Names.Resolution resolved = names.resolve(words);
                boolean othersSource = column.header().equals("cited_source") && resolved.ok()
                        && names.isAnonymousSource(resolved.iri()) && !ownThings.contains(resolved.iri());
                if (resolved.ok() && !othersSource) {
                    return resolved.iri();
                }
                // A cited source the knowledge base does not know is a new anonymous one, in the report's words.
                if (column.header().equals("cited_source")) {
                    return newAnonymousSource(table, row, words, cells, problems, triples);
                }
                problems.add(Problem.error(where, RULE, resolved.error(), ""));
                return null;
            }
            case VOCABULARY: {
                Map<String, Node> concepts = ontology.concepts(column.scheme());
                for (Map.Entry<String, Node> concept : concepts.entrySet()) {
                    if (concept.getKey().equalsIgnoreCase(words.replace(" ", ""))) {
                        return concept.getValue();
                    }
                }
                problems.add(Problem.error(where, RULE, "bad " + column.header() + " '" + words + "'; did you mean "
                        + OntologyView.nearest(words, List.copyOf(concepts.keySet())) + "?",
                        "one of: " + String.join(", ", concepts.keySet())));
                return null;
            }
            case INTEGER:
            case NUMBER: {
                Node literal = SheetVocabulary.literal(column.valueKind(), words);
                if (!literal.getLiteralDatatype().isValid(literal.getLiteralLexicalForm())) {
                    problems.add(Problem.error(where, RULE, "'" + words + "' is not a number", "write digits, e.g. 21"));
                    return null;
                }
                return literal;
            }
            default:
                return SheetVocabulary.literal(column.valueKind(), words);
        }
    }

    /** A source the knowledge base does not know yet, described by the row: its words, count and side. */
    private Node newAnonymousSource(CsvTable table, CsvTable.Row row, String words, Map<String, String> cells,
                                    List<Problem> problems, List<Node[]> triples) {
        String slug = words.strip().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Node source = NodeFactory.createURI(SheetVocabulary.KB + "src-" + reportId + "-" + slug);
        triples.add(new Node[] {source, RDF.type.asNode(), SheetVocabulary.parley("AnonymousSource")});
        triples.add(new Node[] {source, RDFS.label.asNode(), NodeFactory.createLiteralLang(words.strip(), "en")});
        triples.add(new Node[] {source, SheetVocabulary.parley("sourceDescription"), NodeFactory.createLiteralString(words.strip())});
        triples.add(new Node[] {source, SheetVocabulary.parley("noLinkReason"), NodeFactory.createLiteralString(NO_LINK_REASON)});
        String count = cells.getOrDefault(SheetVocabulary.SOURCE_COUNT, "").strip();
        if (!count.isEmpty()) {
            if (!count.matches("\\d+")) {
                problems.add(Problem.error(table.location(row.number(), SheetVocabulary.SOURCE_COUNT), RULE,
                        "'" + count + "' is not a count", "write the number the report gives, e.g. 2, or leave it blank"));
            } else {
                triples.add(new Node[] {source, SheetVocabulary.parley("sourceCount"),
                        NodeFactory.createLiteralDT(count, XSDDatatype.XSDinteger)});
            }
        }
        String side = cells.getOrDefault(SheetVocabulary.SOURCE_SIDE, "").strip();
        if (!side.isEmpty()) {
            Names.Resolution resolved = names.resolve(side);
            if (resolved.ok()) {
                triples.add(new Node[] {source, SheetVocabulary.parley("onSideOf"), resolved.iri()});
            } else {
                problems.add(Problem.error(table.location(row.number(), SheetVocabulary.SOURCE_SIDE), RULE, resolved.error(), ""));
            }
        }
        for (String outlet : cells.getOrDefault("outlet", "").split(Pattern.quote(SheetVocabulary.SEPARATOR.strip()))) {
            if (!outlet.isBlank()) {
                Names.Resolution resolved = names.resolve(outlet);
                if (resolved.ok()) {
                    triples.add(new Node[] {source, SheetVocabulary.parley("citedBy"), resolved.iri()});
                }
            }
        }
        names.declare(source);
        names.addLabel(source, words.strip());
        return source;
    }

    /** The quote found in the text: a blank node for the excerpt, or null with a problem. */
    private Node excerpt(CsvTable table, CsvTable.Row row, Map<String, String> cells, List<Problem> problems) {
        String quote = quoteOf(cells);
        String where = table.location(row.number(), SheetVocabulary.QUOTE);
        if (quote.isBlank()) {
            problems.add(Problem.error(where, RULE, "the quote is empty",
                    "paste the report's words that say the claim, exactly as the report has them"));
            return null;
        }
        List<ReportText.Span> spans = text.find(quote);
        if (spans.isEmpty()) {
            problems.add(Problem.error(where, RULE, "the quote is not in the report's text; the closest passage is \""
                    + QuoteFinder.closestPassage(text, quote) + "\"",
                    text.containsLoosely(quote) ? "the words are there with other quote marks, dashes or spaces: copy them from the report"
                            : "copy the words from the report's text exactly"));
            return null;
        }
        String context = cells.getOrDefault(SheetVocabulary.CONTEXT, "");
        if (!context.isBlank()) {
            return placedByContext(table, row, quote, context, problems) == null ? null : NodeFactory.createBlankNode();
        }
        String occurrenceCell = cells.getOrDefault(SheetVocabulary.OCCURRENCE, "").strip();
        if (spans.size() > 1 && occurrenceCell.isEmpty()) {
            problems.add(Problem.error(where, RULE, "the quote occurs " + spans.size() + " times in the report (at code points "
                    + spans.stream().map(s -> String.valueOf(s.start())).reduce((a, b) -> a + ", " + b).orElse("")
                    + ")", "say which in the occurrence column (1 for the first), or give a few words around it in the context column"));
            return null;
        }
        if (!occurrenceCell.isEmpty()) {
            if (!occurrenceCell.matches("\\d+") || Integer.parseInt(occurrenceCell) < 1
                    || Integer.parseInt(occurrenceCell) > spans.size()) {
                problems.add(Problem.error(table.location(row.number(), SheetVocabulary.OCCURRENCE), RULE,
                        "occurrence '" + occurrenceCell + "' but the quote occurs " + spans.size() + " time(s)",
                        "a number from 1 to " + spans.size()));
                return null;
            }
        }
        return NodeFactory.createBlankNode();
    }

    /**
     * Where the quote is when the context column places it: the context (words around the quote)
     * must occur once in the text and hold the quote; null, with a problem, otherwise.
     */
    private ReportText.Span placedByContext(CsvTable table, CsvTable.Row row, String quote, String context,
                                            List<Problem> problems) {
        String where = table.location(row.number(), SheetVocabulary.CONTEXT);
        List<ReportText.Span> contexts = text.find(context);
        int inside = context.indexOf(quote);
        if (contexts.size() != 1 || inside < 0) {
            problems.add(Problem.error(where, RULE, contexts.isEmpty() ? "the context is not in the report's text"
                            : contexts.size() > 1 ? "the context occurs " + contexts.size() + " times in the report"
                            : "the context does not hold the quote",
                    "give words around the quote, the quote included, that occur once in the report"));
            return null;
        }
        int start = contexts.get(0).start() + context.codePointCount(0, inside);
        return new ReportText.Span(start, start + quote.codePointCount(0, quote.length()));
    }

    /** The quote cell without the spaces and line breaks a spreadsheet cell gathers at its ends. */
    private static String quoteOf(Map<String, String> cells) {
        return cells.getOrDefault(SheetVocabulary.QUOTE, "").strip();
    }

    private void addExcerpt(Graph graph, Node excerpt, Map<String, String> cells, CsvTable table, CsvTable.Row row) {
        String quote = quoteOf(cells);
        List<ReportText.Span> spans = text.find(quote);
        String occurrence = cells.getOrDefault(SheetVocabulary.OCCURRENCE, "").strip();
        String context = cells.getOrDefault(SheetVocabulary.CONTEXT, "");
        ReportText.Span span = !context.isBlank() ? placedByContext(table, row, quote, context, new java.util.ArrayList<>())
                : spans.get(occurrence.isEmpty() ? 0 : Integer.parseInt(occurrence) - 1);
        graph.add(excerpt, RDF.type.asNode(), SheetVocabulary.parley("Excerpt"));
        graph.add(excerpt, NodeFactory.createURI(SheetVocabulary.OA + "exact"), NodeFactory.createLiteralString(quote));
        graph.add(excerpt, NodeFactory.createURI(SheetVocabulary.OA + "start"),
                NodeFactory.createLiteralDT(String.valueOf(span.start()), XSDDatatype.XSDinteger));
        graph.add(excerpt, NodeFactory.createURI(SheetVocabulary.OA + "end"),
                NodeFactory.createLiteralDT(String.valueOf(span.end()), XSDDatatype.XSDinteger));
    }

    /** A row's claim IRI: kb:{@code id}, or one made from the report and row number when the id is blank. */
    static Node claimIri(String reportId, CsvTable.Row row, String idCell) {
        String id = idCell == null ? "" : idCell.strip();
        return NodeFactory.createURI(SheetVocabulary.KB + (id.isEmpty() ? "c-" + reportId + "-row" + row.number() : id));
    }
}
