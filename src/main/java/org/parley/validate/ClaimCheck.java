package org.parley.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * Every claim (an instance of parley:Claim or of a subclass the ontology declares) sits in the data
 * file of the report it is read from, and the report its parley:inReport names is that file's. This
 * needs the file layout, so it lives here; that a claim has exactly one parley:inReport and at least
 * one excerpt is a data rule of shapes:ClaimShape (ontology/shapes.ttl), reported there, once.
 */
public final class ClaimCheck implements ProjectCheck {

    public static final String CLAIM_REPORT = "claim-report";

    @Override
    public List<Problem> check(ParsedProject project) {
        Set<Node> claimClasses = new OntologyTerms(project.ontology()).claimClasses();
        ResourceNames names = new ResourceNames(project);
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Node, Graph> entry : project.checkedGraphs().entrySet()) {
            for (Node claim : claimsIn(entry.getValue(), claimClasses)) {
                checkClaim(project, names, entry.getKey(), entry.getValue(), claim, problems);
            }
        }
        return problems;
    }

    private static Set<Node> claimsIn(Graph graph, Set<Node> claimClasses) {
        Set<Node> claims = new LinkedHashSet<>();
        for (Node claimClass : claimClasses) {
            graph.find(Node.ANY, RDF.type.asNode(), claimClass).forEachRemaining(t -> claims.add(t.getSubject()));
        }
        return claims;
    }

    private static void checkClaim(ParsedProject project, ResourceNames names, Node graphName, Graph graph,
                                   Node claim, List<Problem> problems) {
        String file = project.fileOf(graphName);
        String location = names.locate(file, claim);
        Optional<String> reportId = project.reportIdOf(graphName);
        List<Node> statedReports = graph.find(claim, Parley.inReport.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList();

        if (reportId.isEmpty()) {
            problems.add(Problem.error(location, CLAIM_REPORT,
                    "the claim is in " + file + ", which is not the data file of a report",
                    "move it to data/ID.ttl of the report (data/reports/ID.txt) it is read from"));
        } else {
            Node expected = KbNames.report(reportId.get());
            for (Node stated : statedReports) {
                if (!stated.equals(expected)) {
                    Triple statement = Triple.create(claim, Parley.inReport.asNode(), stated);
                    problems.add(Problem.error(names.locate(file, statement, claim), CLAIM_REPORT,
                            "parley:inReport is " + names.term(stated) + " but the claim is in " + file
                                    + ", the file of <" + expected + ">",
                            "write parley:inReport <" + expected + ">, or move the claim to the data file of "
                                    + names.term(stated)));
                }
            }
        }
    }
}
