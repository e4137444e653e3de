package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.load.ProjectLayout;
import org.parley.load.ProjectReader;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * The five curated reports written as sheets and read back: the same triples as their Turtle, and,
 * loaded instead of the Turtle, the same answer to every query of the library, row for row.
 */
class SheetRoundTripTest {

    @Test
    void everyReportReadsBackAsTheSameGraph() throws Exception {
        ParsedProject project = ProjectReader.read(ProjectLayout.at(Fixtures.REAL_PROJECT));
        Map<String, SheetExporter.Sheets> sheets = ProjectSheets.export(project);
        assertEquals(5, sheets.size(), "the five curated reports");

        List<SheetSet.Input> inputs = new ArrayList<>();
        List<Problem> parseProblems = new ArrayList<>();
        sheets.forEach((id, sheet) -> inputs.add(new SheetSet.Input(id,
                CsvTable.parse(id + ".csv", sheet.claimsCsv().getBytes(StandardCharsets.UTF_8), parseProblems),
                CsvTable.parse(id + ".things.csv", sheet.thingsCsv().getBytes(StandardCharsets.UTF_8), parseProblems))));
        assertEquals(List.of(), parseProblems);
        List<Graph> rest = new ArrayList<>();
        project.dataGraphs().forEach((name, graph) -> {
            if (!sheets.containsKey(KbNames.graphName(name))) {
                rest.add(graph);
            }
        });
        SheetSet.Outcome outcome = SheetSet.compile(inputs, project.ontology(), rest, project.reportTexts());
        assertEquals(List.of(), outcome.problems());
        for (String id : sheets.keySet()) {
            Graph curated = withoutFullText(project.dataGraphs().get(KbNames.graph(id)));
            Graph fromSheet = outcome.graphs().get(id);
            assertEquals(curated.size(), fromSheet.size(), () -> id + ": as many triples; only in the Turtle: "
                    + curated.find().filterDrop(fromSheet::contains).toList() + "; only from the sheets: "
                    + fromSheet.find().filterDrop(curated::contains).toList());
            assertTrue(curated.isIsomorphicWith(fromSheet), id + ": the same triples as the Turtle");
            // Most of what a report says is in the claim rows, not in the generic things sheet.
            long claimRows = sheets.get(id).claimRows().size();
            assertTrue(claimRows >= 20, id + " has " + claimRows + " claim rows");
        }
    }

    @Test
    void theLibraryAnswersTheSameFromSheets(@TempDir Path dir) throws Exception {
        Path copy = Fixtures.copyOfRealProject(dir.resolve("project"));
        ParsedProject project = ProjectReader.read(ProjectLayout.at(copy));
        Path sheetsDir = copy.resolve("data/sheets");
        Files.createDirectories(sheetsDir);
        for (Map.Entry<String, SheetExporter.Sheets> sheet : ProjectSheets.export(project).entrySet()) {
            Files.writeString(sheetsDir.resolve(sheet.getKey() + ".csv"), sheet.getValue().claimsCsv());
            Files.writeString(sheetsDir.resolve(sheet.getKey() + ".things.csv"), sheet.getValue().thingsCsv());
            Files.delete(copy.resolve("data/" + sheet.getKey() + ".ttl"));
        }
        List<Path> queries;
        try (Stream<Path> files = Files.list(Fixtures.REAL_PROJECT.resolve("queries"))) {
            queries = files.filter(f -> f.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(queries.size() >= 15, "the library's queries");
        try (LoadedKnowledgeBase turtle = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT);
             LoadedKnowledgeBase fromSheets = KnowledgeBaseLoader.load(copy)) {
            assertEquals(List.of(), fromSheets.warnings());
            assertEquals(turtle.tripleCount(), fromSheets.tripleCount());
            for (Path query : queries) {
                String text = Files.readString(query);
                if (text.contains("SERVICE")) {
                    continue; // federated with Wikidata: not the knowledge base's own answer, and no network here
                }
                List<String> expected = rows(turtle, text);
                List<String> actual = rows(fromSheets, text);
                assertEquals(expected, actual, query.getFileName() + ": the same rows, in the same order");
                if (List.of("positions.rq", "proposals.rq", "preconditions.rq", "conflicting-claims.rq",
                        "sourcing-network.rq").contains(query.getFileName().toString())) {
                    assertFalse(expected.isEmpty(), query.getFileName() + " answers something");
                }
            }
        }
    }

    private static List<String> rows(LoadedKnowledgeBase kb, String query) {
        List<String> rows = new ArrayList<>();
        Txn.executeRead(kb.datasetGraph(), () -> {
            try (QueryExec exec = QueryExec.dataset(kb.datasetGraph()).query(query).build()) {
                RowSet result = exec.select();
                List<org.apache.jena.sparql.core.Var> vars = result.getResultVars();
                result.forEachRemaining(binding -> {
                    StringBuilder row = new StringBuilder();
                    for (var v : vars) {
                        Node value = binding.get(v);
                        // Excerpts are blank nodes: their labels differ from load to load, not their place.
                        row.append(v).append('=').append(value == null ? "" : value.isBlank() ? "_:b" : value.toString()).append('\t');
                    }
                    rows.add(row.toString());
                });
            }
        });
        return rows;
    }

    private static Graph withoutFullText(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().filterDrop(t -> t.getPredicate().equals(Parley.fullText.asNode())).forEachRemaining(copy::add);
        return copy;
    }
}
