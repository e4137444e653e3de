package org.parley.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * Every class and property the ontology defines in the parley: namespace carries rdfs:label,
 * skos:definition and rdfs:isDefinedBy the ontology, so that a term is never published unexplained.
 */
public final class TermAnnotationCheck implements ProjectCheck {

    public static final String RULE = "term-annotation";

    private static final Node ONTOLOGY = NodeFactory.createURI(KbNames.ONTOLOGY_IRI);

    @Override
    public List<Problem> check(ParsedProject project) {
        Graph ontology = project.ontology();
        ResourceNames names = new ResourceNames(project);
        String file = project.fileOf(KbNames.ONTOLOGY_GRAPH);
        List<Problem> problems = new ArrayList<>();
        for (Node term : new OntologyTerms(ontology).declaredParleyEntities()) {
            List<String> missing = new ArrayList<>();
            if (!ontology.find(term, RDFS.label.asNode(), Node.ANY).hasNext()) {
                missing.add("rdfs:label");
            }
            if (!ontology.find(term, SKOS.definition.asNode(), Node.ANY).hasNext()) {
                missing.add("skos:definition");
            }
            if (!ontology.contains(term, RDFS.isDefinedBy.asNode(), ONTOLOGY)) {
                missing.add("rdfs:isDefinedBy <" + KbNames.ONTOLOGY_IRI + ">");
            }
            if (!missing.isEmpty()) {
                problems.add(Problem.error(names.locate(file, term), RULE,
                        names.term(term) + " lacks " + String.join(", ", missing),
                        "every parley: term needs rdfs:label (words, @en), a one-sentence skos:definition"
                                + " and rdfs:isDefinedBy <" + KbNames.ONTOLOGY_IRI + ">"));
            }
        }
        return problems;
    }
}
