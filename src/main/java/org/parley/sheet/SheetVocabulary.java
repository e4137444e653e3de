package org.parley.sheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The claim sheet's columns and what each means in the ontology, per kind of claim. One table, so
 * that reading a sheet ({@link SheetCompiler}) and writing one ({@link SheetExporter}) cannot
 * disagree. docs/curation.md documents the same columns for analysts.
 */
public final class SheetVocabulary {

    public static final String PARLEY = "https://w3id.org/parley/ontology#";
    public static final String KB = "https://w3id.org/parley/kb/";
    public static final String REPORT = "https://w3id.org/parley/kb/report/";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    /**
     * The ids a sheet writes and reads as kb: local names (claim ids, thing ids): also what a prefixed
     * name's local part must look like for a cell to be able to write it.
     */
    static final Pattern LOCAL_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** Between the values of a cell that holds several (hedge cues, cited sources, ...). */
    public static final String SEPARATOR = " | ";

    /** The kinds of row, as the kind column spells them, and their classes. */
    public enum Kind {
        POSITION("position", "Position"),
        PROPOSAL("proposal", "ProposalClaim"),
        EVENT("event", "EventClaim"),
        FIGURE("figure", "FigureClaim"),
        AFFILIATION("affiliation", "Affiliation");

        public final String cell;
        public final Node type;

        Kind(String cell, String className) {
            this.cell = cell;
            this.type = parley(className);
        }

        public static Optional<Kind> of(String cell) {
            for (Kind kind : values()) {
                if (kind.cell.equalsIgnoreCase(cell.strip())) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        public static Optional<Kind> ofType(Node type) {
            for (Kind kind : values()) {
                if (kind.type.equals(type)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** How a cell's words become RDF values. */
    public enum ValueKind {
        /** An actor, term, proposal, event, claim... resolved by {@link Names}. */
        NAME,
        /** A concept of one of the ontology's schemes, by its local name (acceptance, directQuote). */
        VOCABULARY,
        /** Words kept as a plain string. */
        TEXT,
        /** Words in English (rdf:langString @en). */
        ENGLISH,
        /** A whole number. */
        INTEGER,
        /** A number, whole or decimal. */
        NUMBER
    }

    /** One column: its header, whether it holds several values, and how they read. */
    public record Column(String header, ValueKind valueKind, boolean multiple, String scheme) {
    }

    // Columns in sheet order. Columns without a property (id, kind, quote, occurrence, source_*) are
    // handled by the compiler itself.
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String QUOTE = "quote";
    public static final String OCCURRENCE = "occurrence";
    public static final String CONTEXT = "context";
    public static final String SOURCE_COUNT = "source_count";
    public static final String SOURCE_SIDE = "source_side";

    public static final List<Column> COLUMNS = List.of(
            new Column(ID, ValueKind.TEXT, false, null),
            new Column(KIND, ValueKind.TEXT, false, null),
            new Column("party", ValueKind.NAME, false, null),
            new Column("no_party_reason", ValueKind.TEXT, false, null),
            new Column("speaker", ValueKind.NAME, true, null),
            new Column("holder", ValueKind.NAME, true, null),
            new Column("role", ValueKind.NAME, false, null),
            new Column("role_as_reported", ValueKind.TEXT, false, null),
            new Column("stance", ValueKind.VOCABULARY, false, "Stance"),
            new Column("content", ValueKind.NAME, true, null),
            new Column("precondition", ValueKind.NAME, true, null),
            new Column("addressed_to", ValueKind.NAME, true, null),
            new Column("outlet", ValueKind.NAME, true, null),
            new Column("cited_source", ValueKind.NAME, true, null),
            new Column(SOURCE_COUNT, ValueKind.INTEGER, false, null),
            new Column(SOURCE_SIDE, ValueKind.NAME, false, null),
            new Column(QUOTE, ValueKind.TEXT, false, null),
            new Column(OCCURRENCE, ValueKind.INTEGER, false, null),
            new Column(CONTEXT, ValueKind.TEXT, false, null),
            new Column("mode", ValueKind.VOCABULARY, false, "ReportingMode"),
            new Column("quotation", ValueKind.TEXT, true, null),
            new Column("polarity", ValueKind.VOCABULARY, false, "Polarity"),
            new Column("negation_cue", ValueKind.TEXT, true, null),
            new Column("modality", ValueKind.VOCABULARY, false, "Modality"),
            new Column("hedge_cue", ValueKind.TEXT, true, null),
            new Column("modality_note", ValueKind.TEXT, false, null),
            new Column("date_as_reported", ValueKind.TEXT, true, null),
            new Column("month", ValueKind.INTEGER, false, null),
            new Column("day", ValueKind.INTEGER, false, null),
            new Column("supersedes", ValueKind.NAME, true, null),
            new Column("prompted_by", ValueKind.NAME, true, null),
            new Column("corroborates", ValueKind.NAME, true, null),
            new Column("sequence", ValueKind.INTEGER, false, null),
            new Column("value", ValueKind.NUMBER, false, null),
            new Column("value_as_reported", ValueKind.TEXT, false, null),
            new Column("value_qualifier", ValueKind.TEXT, false, null),
            new Column("unit", ValueKind.TEXT, false, null),
            new Column("note", ValueKind.ENGLISH, true, null));

    public static final List<String> HEADERS = COLUMNS.stream().map(Column::header).toList();

    /** The things sheet's columns: one statement per row. */
    public static final List<String> THING_HEADERS = List.of("thing", "property", "value", "datatype");

    /**
     * The things sheet's short property names, in both directions: the compiler reads them and the
     * exporter writes them, so the two cannot disagree.
     */
    private static final Map<String, Node> SHORT_PROPERTIES = Map.of(
            "type", RDF.type.asNode(),
            "label", org.apache.jena.vocabulary.RDFS.label.asNode(),
            "comment", org.apache.jena.vocabulary.RDFS.comment.asNode(),
            "note", SKOS.note.asNode(),
            "altLabel", SKOS.altLabel.asNode(),
            "prefLabel", SKOS.prefLabel.asNode());

    private static final Map<String, Node> COMMON = new LinkedHashMap<>();
    private static final Map<Kind, Map<String, Node>> BY_KIND = new LinkedHashMap<>();

    static {
        COMMON.put("outlet", parley("reportedBy"));
        COMMON.put("cited_source", parley("citesSource"));
        COMMON.put("mode", parley("hasReportingMode"));
        COMMON.put("quotation", parley("quotation"));
        COMMON.put("polarity", parley("hasPolarity"));
        COMMON.put("negation_cue", parley("negationCue"));
        COMMON.put("modality", parley("hasModality"));
        COMMON.put("hedge_cue", parley("hedgeCue"));
        COMMON.put("modality_note", parley("modalityNote"));
        COMMON.put("date_as_reported", parley("dateAsReported"));
        COMMON.put("supersedes", parley("supersedes"));
        COMMON.put("prompted_by", parley("promptedBy"));
        COMMON.put("corroborates", parley("corroborates"));
        COMMON.put("speaker", parley("voicedBy"));
        COMMON.put("month", parley("monthOfYear"));
        COMMON.put("day", parley("dayOfMonth"));
        COMMON.put("sequence", parley("sequenceInReport"));
        COMMON.put("note", NodeFactory.createURI(RDFS + "comment"));

        Map<String, Node> position = new LinkedHashMap<>();
        position.put("party", parley("hasParty"));
        position.put("no_party_reason", parley("noPartyReason"));
        position.put("holder", parley("holder"));
        position.put("stance", parley("hasStance"));
        position.put("content", parley("hasContent"));
        position.put("precondition", parley("hasPrecondition"));
        position.put("addressed_to", parley("addressedTo"));
        BY_KIND.put(Kind.POSITION, position);
        BY_KIND.put(Kind.PROPOSAL, Map.of("content", parley("aboutProposal")));
        BY_KIND.put(Kind.EVENT, Map.of("content", parley("aboutEvent")));
        Map<String, Node> figure = new LinkedHashMap<>();
        figure.put("content", parley("aboutQuantity"));
        figure.put("value", parley("value"));
        figure.put("value_as_reported", parley("valueAsReported"));
        figure.put("unit", parley("unit"));
        figure.put("value_qualifier", parley("valueQualifier"));
        BY_KIND.put(Kind.FIGURE, figure);
        Map<String, Node> affiliation = new LinkedHashMap<>();
        affiliation.put("party", NodeFactory.createURI(ORG + "organization"));
        affiliation.put("speaker", NodeFactory.createURI(ORG + "member"));
        affiliation.put("role", NodeFactory.createURI(ORG + "role"));
        affiliation.put("role_as_reported", parley("roleAsReported"));
        BY_KIND.put(Kind.AFFILIATION, affiliation);
    }

    private SheetVocabulary() {
    }

    /** The property a column stands for in a row of this kind, if any. */
    public static Optional<Node> property(Kind kind, String header) {
        Node specific = BY_KIND.get(kind).get(header);
        return Optional.ofNullable(specific != null ? specific : COMMON.get(header));
    }

    /** The property a things-sheet short name stands for (type, label, note ...), or null. */
    static Node shortProperty(String name) {
        return SHORT_PROPERTIES.get(name);
    }

    /** The short name the things sheet writes for a property, or null if it has none. */
    static String shortName(Node property) {
        for (Map.Entry<String, Node> entry : SHORT_PROPERTIES.entrySet()) {
            if (entry.getValue().equals(property)) {
                return entry.getKey();
            }
        }
        return null;
    }

    public static Column column(String header) {
        return COLUMNS.stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow();
    }

    /** The literal a cell's words make in a column of this value kind. */
    public static Node literal(ValueKind kind, String words) {
        return switch (kind) {
            case ENGLISH -> NodeFactory.createLiteralLang(words, "en");
            case INTEGER -> NodeFactory.createLiteralDT(words.strip(), XSDDatatype.XSDinteger);
            case NUMBER -> NodeFactory.createLiteralDT(words.strip(),
                    words.strip().matches("[+-]?\\d+") ? XSDDatatype.XSDinteger : XSDDatatype.XSDdecimal);
            default -> NodeFactory.createLiteralString(words);
        };
    }

    public static Node parley(String localName) {
        return NodeFactory.createURI(PARLEY + localName);
    }
}
