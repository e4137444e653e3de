package org.parley.sheet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.parley.validate.ParsedProject;
import org.parley.vocab.KbNames;

/** Every report of a parsed project written as sheets (what {@code parley export --sheets} writes). */
public final class ProjectSheets {

    private ProjectSheets() {
    }

    /** Report id → its sheets, in report order. */
    public static Map<String, SheetExporter.Sheets> export(ParsedProject project) {
        Names names = names(project);
        SheetExporter exporter = new SheetExporter(names, new OntologyView(project.ontology()));
        Map<String, SheetExporter.Sheets> sheets = new LinkedHashMap<>();
        for (Map.Entry<String, String> report : project.reportTexts().entrySet()) {
            Graph graph = project.dataGraphs().get(KbNames.graph(report.getKey()));
            if (graph != null) {
                sheets.put(report.getKey(), exporter.export(report.getKey(), report.getValue(), graph));
            }
        }
        return sheets;
    }

    /** The names of the whole project: the ontology's and every graph's. */
    public static Names names(ParsedProject project) {
        Names names = new Names();
        names.addGraph(project.ontology());
        for (Map.Entry<Node, Graph> graph : project.dataGraphs().entrySet()) {
            names.addGraph(graph.getValue());
        }
        return names;
    }
}
