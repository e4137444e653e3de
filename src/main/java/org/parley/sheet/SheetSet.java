package org.parley.sheet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.parley.validate.Problem;

/**
 * All of a project's claim sheets compiled together: their names are declared first, so that a row
 * may name a claim or a thing of another sheet, then each sheet is compiled on its own. A sheet with
 * any problem is refused whole; the others are kept.
 */
public final class SheetSet {

    /** One report's sheets: the claims table (required) and the things table (may be null). */
    public record Input(String reportId, CsvTable claims, CsvTable things) {
    }

    /** The graphs of the good sheets by report id, and every problem of the refused ones. */
    public record Outcome(Map<String, Graph> graphs, Set<String> refused, List<Problem> problems) {
    }

    private SheetSet() {
    }

    public static Outcome compile(List<Input> inputs, Graph ontology, Collection<Graph> knowledgeBase,
                                  Map<String, String> reportTexts) {
        Names names = new Names();
        names.addGraph(ontology);
        knowledgeBase.forEach(names::addGraph);
        for (Input input : inputs) {
            SheetCompiler.declare(input.reportId(), input.claims(), input.things(), names);
        }
        OntologyView view = new OntologyView(ontology);
        Map<String, Graph> graphs = new LinkedHashMap<>();
        Set<String> refused = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Input input : inputs) {
            String text = reportTexts.get(input.reportId());
            if (text == null) {
                refused.add(input.reportId());
                problems.add(Problem.error(input.claims().file(), SheetCompiler.RULE,
                        "there is no report text data/reports/" + input.reportId() + ".txt for this sheet",
                        "add the text (parley add does), or name the sheet after its report"));
                continue;
            }
            SheetCompiler.Result result = new SheetCompiler(input.reportId(), text, names, view)
                    .compile(input.claims(), input.things());
            if (result.ok()) {
                graphs.put(input.reportId(), result.graph());
            } else {
                refused.add(input.reportId());
                problems.addAll(result.problems());
            }
        }
        return new Outcome(graphs, refused, problems);
    }
}
