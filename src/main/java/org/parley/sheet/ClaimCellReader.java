package org.parley.sheet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.parley.sheet.SheetVocabulary.Column;

/**
 * One value of a claim sheet cell made into an RDF value, by its column's value kind: a name resolved
 * to its IRI, a concept of the column's scheme, a number, or words. A cited source the knowledge base
 * does not know becomes a new anonymous source of this report, described by the row.
 */
final class ClaimCellReader {

    static final String NO_LINK_REASON = "An anonymous source has no external identity.";

    private final String reportId;
    private final Names names;
    private final OntologyView ontology;
    /** The things this report's things sheet describes: the only anonymous sources its rows may cite. */
    private final Set<Node> ownThings;

    ClaimCellReader(String reportId, Names names, OntologyView ontology, Set<Node> ownThings) {
        this.reportId = reportId;
        this.names = names;
        this.ontology = ontology;
        this.ownThings = ownThings;
    }

    /**
     * The value the words make in the column, or null with a problem. A new anonymous source's own
     * triples go to {@code triples}, to be kept only if the whole row is good.
     */
    Node value(int row, Column column, String words, Map<String, String> cells, SheetProblems problems,
               List<Node[]> triples) {
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
                    return newAnonymousSource(row, words, cells, problems, triples);
                }
                problems.at(row, column.header(), resolved.error(), "");
                return null;
            }
            case VOCABULARY: {
                Map<String, Node> concepts = ontology.concepts(column.scheme());
                for (Map.Entry<String, Node> concept : concepts.entrySet()) {
                    if (concept.getKey().equalsIgnoreCase(words.replace(" ", ""))) {
                        return concept.getValue();
                    }
                }
                problems.at(row, column.header(), "bad " + column.header() + " '" + words + "'; did you mean "
                                + OntologyView.nearest(words, List.copyOf(concepts.keySet())) + "?",
                        "one of: " + String.join(", ", concepts.keySet()));
                return null;
            }
            case INTEGER:
            case NUMBER: {
                Node literal = SheetVocabulary.literal(column.valueKind(), words);
                if (!literal.getLiteralDatatype().isValid(literal.getLiteralLexicalForm())) {
                    problems.at(row, column.header(), "'" + words + "' is not a number", "write digits, e.g. 21");
                    return null;
                }
                return literal;
            }
            default:
                return SheetVocabulary.literal(column.valueKind(), words);
        }
    }

    /** A source the knowledge base does not know yet, described by the row: its words, count and side. */
    private Node newAnonymousSource(int row, String words, Map<String, String> cells, SheetProblems problems,
                                    List<Node[]> triples) {
        String slug = words.strip().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Node source = NodeFactory.createURI(SheetVocabulary.KB + "src-" + reportId + "-" + slug);
        triples.add(new Node[] {source, RDF.type.asNode(), SheetVocabulary.parley("AnonymousSource")});
        triples.add(new Node[] {source, RDFS.label.asNode(), NodeFactory.createLiteralLang(words.strip(), "en")});
        triples.add(new Node[] {source, SheetVocabulary.parley("sourceDescription"), NodeFactory.createLiteralString(words.strip())});
        triples.add(new Node[] {source, SheetVocabulary.parley("noLinkReason"), NodeFactory.createLiteralString(NO_LINK_REASON)});
        String count = cells.getOrDefault(SheetVocabulary.SOURCE_COUNT, "").strip();
        if (!count.isEmpty()) {
            if (!count.matches("\\d+")) {
                problems.at(row, SheetVocabulary.SOURCE_COUNT, "'" + count + "' is not a count",
                        "write the number the report gives, e.g. 2, or leave it blank");
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
                problems.at(row, SheetVocabulary.SOURCE_SIDE, resolved.error(), "");
            }
        }
        // The outlets that cite it are the row's, where they resolve (an unknown one is the outlet cell's problem).
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
}
