package org.parley.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;

/**
 * Whether a database's shared graphs (the ontology, the data files that are no report's and their
 * entailments) are those of the project's files. Every report stored was checked against them, so
 * a report may be added or replaced on its own only while they are unchanged.
 */
final class SharedGraphs {

    static final String RULE = "shared-files-changed";

    private SharedGraphs() {
    }

    /** One problem per shared graph that differs, is new or is gone; none if they are the same. */
    static List<Problem> differences(DatasetGraph database, CorpusReader.Shared shared, ProjectLayout layout) {
        Map<Node, Graph> expected = shared.storedGraphs();
        List<Problem> problems = new ArrayList<>();
        database.listGraphNodes().forEachRemaining(name -> {
            String shortName = KbNames.graphName(name);
            boolean reportGraph = shortName != null && (KbNames.isEntailmentGraph(name) && !name.equals(KbNames.ENTAILMENTS_GRAPH)
                    || isStoredReport(database, name));
            if (!reportGraph && !expected.containsKey(name)) {
                problems.add(problem(String.valueOf(shortName), "the database has graph <" + name
                        + "> but the project has no such shared file"));
            }
        });
        expected.forEach((name, graph) -> {
            if (!database.containsGraph(name) && !graph.isEmpty()) {
                problems.add(problem(fileOf(shared, name), "the file is new since the database was loaded"));
            } else if (!graph.isIsomorphicWith(database.getGraph(name))) {
                problems.add(problem(fileOf(shared, name), "the file has changed since the database was loaded"));
            }
        });
        return problems;
    }

    /** A report's graph is the one that declares its report. */
    private static boolean isStoredReport(DatasetGraph database, Node graphName) {
        String name = KbNames.graphName(graphName);
        return name != null && database.contains(graphName, KbNames.report(name), Node.ANY, Node.ANY);
    }

    private static String fileOf(CorpusReader.Shared shared, Node name) {
        return name.equals(KbNames.ENTAILMENTS_GRAPH) ? "ontology/ and data/ (the shared entailments)" : shared.project().fileOf(name);
    }

    private static Problem problem(String file, String what) {
        return Problem.error(file, RULE, what + "; every stored report was checked against the shared files",
                "load the whole project again (parley load --db DIR, without --report)");
    }
}
