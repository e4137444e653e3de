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
        // First use of each undeclared term (first file, lowest line), so that a typo repeated 40 times
        // is one problem, named where the reader meets it first.
        Map<Node, Use> firstUse = new LinkedHashMap<>();
        for (Map.Entry<Node, Graph> entry : project.checkedGraphs().entrySet()) {
            String file = project.fileOf(entry.getKey());
            for (Triple triple : entry.getValue().find().toList()) {
                Node predicate = triple.getPredicate();
                for (Node term : predicate.equals(RDF.type.asNode()) ? List.of(predicate, triple.getObject()) : List.of(predicate)) {
                    if (term.isURI() && term.getURI().startsWith(Parley.NS) && !declared.contains(term)) {
                        firstUse.merge(term, new Use(file, triple, project.line(file, triple).orElse(Integer.MAX_VALUE)),
                                (earlier, now) -> earlier.file().equals(now.file()) && now.line() < earlier.line() ? now : earlier);
                    }
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        firstUse.forEach((term, use) -> problems.add(Problem.error(names.locate(use.file(), use.triple(), term), RULE,
                names.term(term) + " is used in the data but not declared in ontology/parley.ttl",
                "correct the spelling, or declare the term (with rdfs:label, skos:definition, rdfs:isDefinedBy)")));
        return problems;
    }

    private record Use(String file, Triple triple, int line) {
    }
}
