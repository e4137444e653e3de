package org.parley.load;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.parley.validate.Problem;
import org.parley.validate.Severity;
import org.parley.vocab.KbNames;

/**
 * One report read and checked by {@link CorpusReader}: its graph and its entailments, ready to store,
 * or the problems that keep it out.
 *
 * @param id          the report id (data/reports/{@code <id>}.txt)
 * @param file        the file its graph was read from, for messages
 * @param graph       its triples, the text included; null if refused
 * @param entailments what its triples entail and its readable labels; null if refused
 * @param problems    errors (if refused) and warnings
 */
public record PreparedReport(String id, String file, Graph graph, Graph entailments, List<Problem> problems) {

    static PreparedReport accepted(String id, String file, Graph graph, Graph entailments, List<Problem> warnings) {
        return new PreparedReport(id, file, graph, entailments, List.copyOf(warnings));
    }

    static PreparedReport refused(String id, String file, List<Problem> problems) {
        return new PreparedReport(id, file, null, null, List.copyOf(problems));
    }

    public boolean isAccepted() {
        return graph != null;
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public Node graphName() {
        return KbNames.graph(id);
    }

    public Node entailmentsGraphName() {
        return KbNames.entailmentsOf(id);
    }

    /** Quads this report adds to the store. */
    public long quadCount() {
        return isAccepted() ? graph.size() + entailments.size() : 0;
    }
}
