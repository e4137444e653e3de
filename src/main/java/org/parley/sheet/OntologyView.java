package org.parley.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/** What the sheets need to know of the ontology: which properties link things, ranges, schemes. */
public final class OntologyView {

    private final Graph ontology;
    private final Set<Node> objectProperties;

    public OntologyView(Graph ontology) {
        this.ontology = ontology;
        this.objectProperties = ontology.find(Node.ANY, RDF.type.asNode(), OWL.ObjectProperty.asNode())
                .mapWith(Triple::getSubject).toSet();
    }

    public boolean linksThings(Node property) {
        return property.equals(RDF.type.asNode()) || objectProperties.contains(property);
    }

    public boolean declares(Node term) {
        return ontology.contains(term, RDF.type.asNode(), Node.ANY);
    }

    /** The literal a things-sheet value makes when its datatype cell is blank. */
    public Node defaultLiteral(Node property, String words) {
        if (property.equals(RDFS.label.asNode()) || property.equals(RDFS.comment.asNode())
                || property.equals(SKOS.prefLabel.asNode()) || property.equals(SKOS.altLabel.asNode())
                || property.equals(SKOS.definition.asNode())) {
            return NodeFactory.createLiteralLang(words, "en");
        }
        Optional<Node> range = ontology.find(property, RDFS.range.asNode(), Node.ANY).nextOptional().map(Triple::getObject);
        if (range.isPresent() && range.get().isURI() && range.get().getURI().startsWith(XSD.NS)
                && !range.get().equals(XSD.xstring.asNode())) {
            return NodeFactory.createLiteralDT(words, org.apache.jena.datatypes.TypeMapper.getInstance()
                    .getSafeTypeByName(range.get().getURI()));
        }
        return NodeFactory.createLiteralString(words);
    }

    /** The scheme's concepts (instances of parley:{@code className}) by local name. */
    public Map<String, Node> concepts(String className) {
        Map<String, Node> byName = new LinkedHashMap<>();
        ontology.find(Node.ANY, RDF.type.asNode(), SheetVocabulary.parley(className))
                .mapWith(Triple::getSubject)
                .filterKeep(Node::isURI)
                .forEachRemaining(c -> byName.put(c.getURI().substring(c.getURI().indexOf('#') + 1), c));
        return byName;
    }

    /** Every parley: term the ontology declares, by local name, for "did you mean". */
    public List<String> parleyTerms() {
        List<String> names = new ArrayList<>(ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY)
                .mapWith(Triple::getSubject).filterKeep(n -> n.isURI() && n.getURI().startsWith(SheetVocabulary.PARLEY))
                .mapWith(n -> n.getURI().substring(SheetVocabulary.PARLEY.length())).toSet());
        names.sort(null);
        return names;
    }

    public static String nearest(String word, List<String> candidates) {
        return candidates.stream()
                .sorted((a, b) -> Integer.compare(Names.editDistance(word.toLowerCase(), a.toLowerCase()),
                        Names.editDistance(word.toLowerCase(), b.toLowerCase())))
                .limit(3).map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    }
}
