package org.parley.sheet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.Fixtures;
import org.parley.validate.Problem;

/** The real ontology and small graphs and tables for the sheet classes' own tests. */
final class SheetTestGraphs {

    static final String PREFIXES = """
            @prefix parley: <https://w3id.org/parley/ontology#> . @prefix kb: <https://w3id.org/parley/kb/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix oa: <http://www.w3.org/ns/oa#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    private static Graph ontology;

    private SheetTestGraphs() {
    }

    /** ontology/parley.ttl, read once. */
    static synchronized Graph ontology() {
        if (ontology == null) {
            ontology = GraphFactory.createDefaultGraph();
            RDFParser.source(Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl")).lang(Lang.TURTLE).parse(ontology);
        }
        return ontology;
    }

    static Graph turtle(String body) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + body, Lang.TURTLE).parse(graph);
        return graph;
    }

    /** The names of the ontology and of the graph. */
    static Names names(Graph graph) {
        Names names = new Names();
        names.addGraph(ontology());
        names.addGraph(graph);
        return names;
    }

    static CsvTable table(String file, String csv) {
        List<Problem> problems = new ArrayList<>();
        CsvTable table = CsvTable.parse(file, csv.getBytes(StandardCharsets.UTF_8), problems);
        if (table == null) {
            throw new IllegalArgumentException(problems.toString());
        }
        return table;
    }
}
