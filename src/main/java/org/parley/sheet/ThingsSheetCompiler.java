package org.parley.sheet;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * A report's things sheet made into triples: one statement per row, {@code thing,property,value,datatype}.
 * The value is read by the datatype cell, or, when that is blank, by the property (a class for type,
 * a name for a property that links things, a literal of the property's range otherwise).
 */
final class ThingsSheetCompiler {

    private final Names names;
    private final OntologyView ontology;

    ThingsSheetCompiler(Names names, OntologyView ontology) {
        this.names = names;
        this.ontology = ontology;
    }

    /**
     * Adds the triple of every good row to the graph and a problem for every bad one; returns the
     * things the good rows describe (a cited source is this report's own only if it is among them).
     */
    Set<Node> compile(CsvTable table, Graph graph, SheetProblems problems) {
        Set<Node> described = new HashSet<>();
        if (!table.header().subList(0, Math.min(3, table.header().size())).equals(SheetVocabulary.THING_HEADERS.subList(0, 3))) {
            problems.inHeader("the things sheet's columns must be " + String.join(",", SheetVocabulary.THING_HEADERS),
                    "see docs/curation.md");
            return described;
        }
        for (CsvTable.Row row : table.rows()) {
            if (row.blank()) {
                continue;
            }
            Node thing = thingIri(row.cell(0));
            if (thing == null) {
                problems.at(row.number(), 1, "'" + row.cell(0) + "' is not an id",
                        "use letters, digits, '-', '_' and '.', e.g. t005-ceasefire");
                continue;
            }
            Node property = propertyIri(row.cell(1));
            if (property == null || (property.getURI().startsWith(SheetVocabulary.PARLEY) && !ontology.declares(property))) {
                problems.at(row.number(), 2, "unknown property '" + row.cell(1) + "'; did you mean "
                                + OntologyView.nearest(row.cell(1), ontology.parleyTerms()) + "?",
                        "a parley property by its name (hasTermType), or a prefixed name (skos:note)");
                continue;
            }
            Node value = value(row, property, problems);
            if (value != null) {
                graph.add(thing, property, value);
                described.add(thing);
            }
        }
        return described;
    }

    /** The row's value cell read by its datatype cell or its property, or null with a problem. */
    private Node value(CsvTable.Row row, Node property, SheetProblems problems) {
        String words = row.cell(2);
        String datatype = row.cell(3).strip();
        if (words.isEmpty()) {
            problems.at(row.number(), 3, "the value is empty", "give a value or delete the row");
            return null;
        }
        Node value;
        if (property.equals(RDF.type.asNode()) && datatype.isEmpty()) {
            value = typeIri(words);
            if (value == null || (value.getURI().startsWith(SheetVocabulary.PARLEY) && !ontology.declares(value))) {
                problems.at(row.number(), 3, "unknown class '" + words + "'; did you mean "
                        + OntologyView.nearest(words, ontology.parleyTerms()) + "?", "a parley class by its name, e.g. Term");
                return null;
            }
        } else if (datatype.equals("name") || (datatype.isEmpty() && ontology.linksThings(property))) {
            Names.Resolution resolved = names.resolve(words);
            if (!resolved.ok()) {
                problems.at(row.number(), 3, resolved.error(), "");
                return null;
            }
            value = resolved.iri();
        } else if (datatype.isEmpty()) {
            value = ontology.defaultLiteral(property, words);
        } else if (datatype.startsWith("@")) {
            value = NodeFactory.createLiteralLang(words, datatype.substring(1));
        } else if (datatype.equals("string")) {
            value = NodeFactory.createLiteralString(words);
        } else {
            Node type = IriCells.expand(datatype);
            if (type == null) {
                problems.at(row.number(), 4, "unknown datatype '" + datatype + "'",
                        "blank, name, string, @en or a prefixed datatype such as xsd:integer");
                return null;
            }
            value = NodeFactory.createLiteralDT(words, TypeMapper.getInstance().getSafeTypeByName(type.getURI()));
        }
        if (value.isLiteral() && !value.getLiteralDatatype().isValid(value.getLiteralLexicalForm())) {
            problems.at(row.number(), 3, "'" + words + "' is not a valid " + value.getLiteralDatatypeURI(), "");
            return null;
        }
        return value;
    }

    /** The thing a thing cell names: an IRI in angle brackets, a prefixed name, or a kb: id; null if none. */
    static Node thingIri(String cell) {
        String name = cell.strip();
        if (name.startsWith("<") && name.endsWith(">")) {
            return NodeFactory.createURI(name.substring(1, name.length() - 1));
        }
        Node prefixed = IriCells.expand(name);
        if (prefixed != null) {
            return prefixed;
        }
        return SheetVocabulary.LOCAL_NAME.matcher(name).matches() ? NodeFactory.createURI(SheetVocabulary.KB + name) : null;
    }

    /** The property a property cell names: a short name (label), a prefixed name, an IRI, or a parley: name. */
    static Node propertyIri(String cell) {
        String name = cell.strip();
        Node shortName = SheetVocabulary.shortProperty(name);
        if (shortName != null) {
            return shortName;
        }
        Node prefixed = IriCells.expand(name);
        if (prefixed != null) {
            return prefixed;
        }
        if (name.startsWith("<") && name.endsWith(">")) {
            return NodeFactory.createURI(name.substring(1, name.length() - 1));
        }
        return SheetVocabulary.LOCAL_NAME.matcher(name).matches() ? SheetVocabulary.parley(name) : null;
    }

    /** The class a type value names: a prefixed name or a parley: class by its name. */
    private static Node typeIri(String cell) {
        Node prefixed = IriCells.expand(cell.strip());
        if (prefixed != null) {
            return prefixed;
        }
        return SheetVocabulary.LOCAL_NAME.matcher(cell.strip()).matches() ? SheetVocabulary.parley(cell.strip()) : null;
    }
}
