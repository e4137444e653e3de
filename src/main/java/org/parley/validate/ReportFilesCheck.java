package org.parley.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * Reports and their files go in pairs: every data/reports/{@code <id>}.txt has a data/{@code <id>}.ttl
 * that declares {@code <kb/report/<id>> a parley:Report}, and every report declared anywhere has
 * its text file and is declared in its own data file, with a matching identifier and file name.
 */
public final class ReportFilesCheck implements ProjectCheck {

    public static final String DATA_MISSING = "report-data-missing";
    public static final String TEXT_MISSING = "report-text-missing";
    public static final String IDENTITY = "report-identity";

    @Override
    public List<Problem> check(ParsedProject project) {
        List<Problem> problems = new ArrayList<>();
        checkEveryTextHasData(project, problems);
        checkEveryDeclaredReport(project, problems);
        return problems;
    }

    private void checkEveryTextHasData(ParsedProject project, List<Problem> problems) {
        for (String id : project.reportTexts().keySet()) {
            Node report = KbNames.report(id);
            Graph graph = project.dataGraphs().get(KbNames.graph(id));
            String textFile = "data/reports/" + id + ".txt";
            if (graph == null) {
                problems.add(Problem.error(textFile, DATA_MISSING,
                        "the report text has no data file data/" + id + ".ttl",
                        "create data/" + id + ".ttl declaring <" + report + "> a parley:Report"));
            } else if (!graph.contains(report, RDF.type.asNode(), Parley.Report.asNode())) {
                problems.add(Problem.error("data/" + id + ".ttl", IDENTITY,
                        "the file does not declare its report <" + report + "> a parley:Report",
                        "add <" + report + "> a parley:Report ; dcterms:identifier \"" + id
                                + "\" ; parley:fileName \"" + id + ".txt\""));
            }
        }
    }

    private void checkEveryDeclaredReport(ParsedProject project, List<Problem> problems) {
        ResourceNames names = new ResourceNames(project);
        for (Map.Entry<Node, Graph> entry : project.checkedGraphs().entrySet()) {
            Node graphName = entry.getKey();
            Graph graph = entry.getValue();
            for (Triple typing : graph.find(Node.ANY, RDF.type.asNode(), Parley.Report.asNode()).toList()) {
                Node report = typing.getSubject();
                String location = names.locate(project.fileOf(graphName), report);
                Optional<String> id = reportId(report);
                if (id.isEmpty()) {
                    problems.add(Problem.error(location, IDENTITY,
                            "a report's IRI must be " + KbNames.REPORT_BASE + "<id>",
                            "name it after its text file: <" + KbNames.REPORT_BASE + "ID> for data/reports/ID.txt"));
                    continue;
                }
                if (!project.reportTexts().containsKey(id.get())) {
                    problems.add(Problem.error(location, TEXT_MISSING,
                            "there is no text file data/reports/" + id.get() + ".txt for this report",
                            "add the report's text, or correct the id in the IRI"));
                    continue;
                }
                if (!graphName.equals(KbNames.graph(id.get()))) {
                    problems.add(Problem.error(location, IDENTITY,
                            "the report is declared in " + project.fileOf(graphName) + ", not in its own data file",
                            "declare it in data/" + id.get() + ".ttl"));
                }
                checkLiteral(graph, report, DCTerms.identifier.asNode(), id.get(), location, names, problems);
                checkLiteral(graph, report, Parley.fileName.asNode(), id.get() + ".txt", location, names, problems);
            }
        }
    }

    /** A value, where given, must be the one the file name implies (SHACL says whether it is required). */
    private static void checkLiteral(Graph graph, Node report, Node property, String expected, String location,
                                     ResourceNames names, List<Problem> problems) {
        for (Triple triple : graph.find(report, property, Node.ANY).toList()) {
            Node value = triple.getObject();
            if (!value.isLiteral() || !value.getLiteralLexicalForm().equals(expected)) {
                problems.add(Problem.error(location, IDENTITY,
                        names.term(property) + " is " + names.term(value) + " but the report's file says \"" + expected + "\"",
                        "write \"" + expected + "\""));
            }
        }
    }

    private static Optional<String> reportId(Node report) {
        if (!report.isURI() || !report.getURI().startsWith(KbNames.REPORT_BASE)) {
            return Optional.empty();
        }
        String id = report.getURI().substring(KbNames.REPORT_BASE.length());
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
    }
}
