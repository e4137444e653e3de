package org.parley.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * The triples of a report's graph that no claim row says, written as things sheet rows
 * ({@code thing,property,value,datatype}), each in the shortest form {@link ThingsSheetCompiler}
 * reads back as the same triple: the report first, then by thing, type and label first.
 */
final class ThingRowWriter {

    private final Names names;
    private final OntologyView ontology;

    ThingRowWriter(Names names, OntologyView ontology) {
        this.names = names;
        this.ontology = ontology;
    }

    /** A row for every triple not consumed; the export stops at a blank node, which a sheet cannot name. */
    List<List<String>> rows(Graph graph, Node report, Set<Triple> consumed) {
        List<Triple> rest = new ArrayList<>(graph.find().toList());
        rest.removeAll(consumed);
        for (Triple triple : rest) {
            if (triple.getSubject().isBlank() || triple.getObject().isBlank()) {
                throw new IllegalStateException("a blank node other than an excerpt (" + triple
                        + "): a sheet cannot say it; give the node an IRI in the Turtle");
            }
        }
        rest.sort(Comparator.comparing((Triple t) -> !t.getSubject().equals(report))
                .thenComparing(t -> IriCells.localName(t.getSubject()), SheetExporter::naturalOrder)
                .thenComparing(t -> predicateRank(t.getPredicate()))
                .thenComparing(t -> t.getPredicate().getURI())
                .thenComparing(t -> t.getObject().toString()));
        List<List<String>> rows = new ArrayList<>();
        for (Triple triple : rest) {
            rows.add(row(triple));
        }
        return rows;
    }

    private List<String> row(Triple triple) {
        Node subject = triple.getSubject();
        String thing = subject.getURI().startsWith(SheetVocabulary.KB)
                && SheetVocabulary.LOCAL_NAME.matcher(IriCells.localName(subject)).matches()
                && !subject.getURI().startsWith(SheetVocabulary.REPORT)
                ? IriCells.localName(subject) : IriCells.prefixedOrFull(subject);
        String property = propertyCell(triple.getPredicate());
        Node value = triple.getObject();
        if (value.isURI()) {
            if (triple.getPredicate().equals(RDF.type.asNode())) {
                String cls = value.getURI().startsWith(SheetVocabulary.PARLEY) ? IriCells.localName(value)
                        : IriCells.prefixedOrFull(value);
                return List.of(thing, property, cls, "");
            }
            String name = names.nameOf(value);
            return List.of(thing, property, name, ontology.linksThings(triple.getPredicate()) ? "" : "name");
        }
        String words = value.getLiteralLexicalForm();
        return List.of(thing, property, words, datatypeCell(triple.getPredicate(), value));
    }

    /** The datatype cell: blank where the property's default gives the literal, else its language or datatype. */
    private String datatypeCell(Node property, Node literal) {
        if (ontology.defaultLiteral(property, literal.getLiteralLexicalForm()).equals(literal)) {
            return "";
        }
        if (!literal.getLiteralLanguage().isEmpty()) {
            return "@" + literal.getLiteralLanguage();
        }
        if (literal.getLiteralDatatypeURI().equals(XSD.xstring.getURI())) {
            return "string";
        }
        return IriCells.prefixedOrFull(NodeFactory.createURI(literal.getLiteralDatatypeURI()));
    }

    private static String propertyCell(Node property) {
        String shortName = SheetVocabulary.shortName(property);
        if (shortName != null) {
            return shortName;
        }
        if (property.getURI().startsWith(SheetVocabulary.PARLEY)) {
            return IriCells.localName(property);
        }
        return IriCells.prefixedOrFull(property);
    }

    private static int predicateRank(Node predicate) {
        if (predicate.equals(RDF.type.asNode())) {
            return 0;
        }
        return predicate.equals(RDFS.label.asNode()) ? 1 : 2;
    }
}
