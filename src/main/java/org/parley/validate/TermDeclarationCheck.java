package org.parley.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.parley.vocab.Parley;

/**
 * Every parley: term the data uses as a property or a class is declared in the ontology. A misspelt
 * property parses fine and then silently drops out of every query; this catches it at load time.
 */
public final class TermDeclarationCheck implements ProjectCheck {

    public static final String RULE = "term-undeclared";

    @Override
    public List<Problem> check(ParsedProject project) {
        Set<Node> declared = new OntologyTerms(project.ontology()).declaredEntities();
        ResourceNames names = new ResourceNames(project);
        // First use of each undeclared term, so that a typo repeated 40 times is one problem.
        Map<Node, String> firstUse = new LinkedHashMap<>();
        for (Map.Entry<Node, Graph> entry : project.checkedGraphs().entrySet()) {
            for (Triple triple : entry.getValue().find().toList()) {
                noteIfUndeclared(triple.getPredicate(), declared, firstUse, project.fileOf(entry.getKey()));
                if (triple.getPredicate().equals(RDF.type.asNode())) {
                    noteIfUndeclared(triple.getObject(), declared, firstUse, project.fileOf(entry.getKey()));
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        firstUse.forEach((term, file) -> problems.add(Problem.error(names.locate(file, term), RULE,
                names.term(term) + " is used in the data but not declared in ontology/parley.ttl",
                "correct the spelling, or declare the term (with rdfs:label, skos:definition, rdfs:isDefinedBy)")));
        return problems;
    }

    private static void noteIfUndeclared(Node term, Set<Node> declared, Map<Node, String> firstUse, String file) {
        if (term.isURI() && term.getURI().startsWith(Parley.NS) && !declared.contains(term)) {
            firstUse.putIfAbsent(term, file);
        }
    }
}
