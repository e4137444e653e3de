package org.parley.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.parley.validate.Problem;
import org.parley.validate.ReportText;

/**
 * One report's claim sheet (and things sheet) made into the report's graph: the triples a curator
 * would have written in Turtle, with each quote found in the report's text and its offsets recorded.
 * Every problem of every row is collected; a sheet with any problem gives no graph. The things sheet
 * is read first ({@link ThingsSheetCompiler}), since the claim rows may cite what it declares
 * ({@link ClaimSheetCompiler}).
 */
public final class SheetCompiler {

    public static final String RULE = "sheet";

    private final String reportId;
    private final ReportText text;
    private final Names names;
    private final OntologyView ontology;

    public record Result(Graph graph, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public SheetCompiler(String reportId, String reportText, Names names, OntologyView ontology) {
        this.reportId = reportId;
        this.text = new ReportText(reportText);
        this.names = names;
        this.ontology = ontology;
    }

    /**
     * Makes the sheets' own names known before any sheet is compiled, so that rows may name
     * claims and things of any sheet: claim ids, thing ids and the labels the things sheet gives.
     */
    public static void declare(String reportId, CsvTable claims, CsvTable things, Names names) {
        if (claims != null) {
            int id = claims.indexOf(SheetVocabulary.ID);
            for (CsvTable.Row row : claims.rows()) {
                names.declare(ClaimSheetCompiler.claimIri(reportId, row, row.cell(id)));
            }
        }
        if (things != null) {
            for (CsvTable.Row row : things.rows()) {
                Node thing = ThingsSheetCompiler.thingIri(row.cell(0));
                if (thing == null) {
                    continue;
                }
                names.declare(thing);
                Node property = ThingsSheetCompiler.propertyIri(row.cell(1));
                if (property != null && (property.equals(RDFS.label.asNode()) || property.equals(SKOS.prefLabel.asNode())
                        || property.equals(SKOS.altLabel.asNode())) && !row.cell(2).isBlank()) {
                    names.addLabel(thing, row.cell(2));
                }
            }
        }
    }

    public Result compile(CsvTable claims, CsvTable things) {
        Graph graph = GraphFactory.createDefaultGraph();
        List<Problem> problems = new ArrayList<>();
        Set<Node> ownThings = things == null ? Set.of()
                : new ThingsSheetCompiler(names, ontology).compile(things, graph, new SheetProblems(things, problems));
        ClaimCellReader cellReader = new ClaimCellReader(reportId, names, ontology, ownThings);
        new ClaimSheetCompiler(reportId, text, cellReader).compile(claims, graph, new SheetProblems(claims, problems));
        return new Result(problems.isEmpty() ? graph : null, problems);
    }
}
