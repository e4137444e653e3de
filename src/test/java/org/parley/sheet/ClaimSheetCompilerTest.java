package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.parley.validate.Problem;
import org.parley.validate.ReportText;

/** The claim sheet: a good row adds its claim whole, a row with a problem adds nothing. */
class ClaimSheetCompilerTest {

    private static final Graph KB = SheetTestGraphs.turtle("""
            kb:Hamas a parley:ArmedGroup ; rdfs:label "Hamas"@en .
            kb:t-talks a parley:Term ; rdfs:label "talks"@en .
            """);
    private static final String TEXT = "Hamas refused talks. Hamas demanded talks.";
    private static final String FILE = "data/sheets/r.csv";

    private final List<Problem> problems = new ArrayList<>();
    private final Graph graph = GraphFactory.createDefaultGraph();

    private void compile(String csv) {
        CsvTable table = SheetTestGraphs.table(FILE, csv);
        ClaimCellReader reader = new ClaimCellReader("r", SheetTestGraphs.names(KB), new OntologyView(SheetTestGraphs.ontology()),
                Set.of());
        new ClaimSheetCompiler("r", new ReportText(TEXT), reader).compile(table, graph, new SheetProblems(table, problems));
    }

    @Test
    void aGoodRowIsKeptWhileABadRowAddsNothing() {
        compile("""
                id,kind,party,stance,content,polarity,quote\r
                c1,position,Hamas,refusal,talks,affirmed,Hamas refused talks.\r
                c2,position,Hamas,demand,,affirmed,Hamas demanded talks.\r
                ,event,,,talks,,Hamas demanded talks.\r
                """);
        assertEquals(List.of("a position needs its content (what it is about)"), problems.stream().map(Problem::message).toList());
        assertEquals(FILE + ":3:5", problems.get(0).location());
        assertTrue(SheetTestGraphs.turtle("""
                kb:c1 a parley:Position ; parley:inReport <https://w3id.org/parley/kb/report/r> ; parley:hasParty kb:Hamas ;
                    parley:hasStance parley:refusal ; parley:hasContent kb:t-talks ; parley:hasPolarity parley:affirmed ;
                    parley:hasExcerpt [ a parley:Excerpt ; oa:exact "Hamas refused talks." ; oa:start 0 ; oa:end 20 ] .
                kb:c-r-row4 a parley:EventClaim ; parley:inReport <https://w3id.org/parley/kb/report/r> ;
                    parley:aboutEvent kb:t-talks ;
                    parley:hasExcerpt [ a parley:Excerpt ; oa:exact "Hamas demanded talks." ; oa:start 21 ; oa:end 42 ] .
                """).isIsomorphicWith(graph), graph.toString());
    }

    @Test
    void aCellInAColumnItsKindDoesNotUseIsRefusedNotDropped() {
        compile("id,kind,stance,content,quote\r\nc1,event,demand,talks,Hamas demanded talks.\r\n");
        assertEquals(List.of("the column 'stance' means nothing for a event row"), problems.stream().map(Problem::message).toList());
        assertEquals(0, graph.size());
    }

    @Test
    void headerProblemsStopTheRowsFromBeingRead() {
        compile("id,kind,kind,stance\r\nc1,position,,refusl\r\n");
        assertEquals(List.of(FILE + ":1", FILE + ":1"), problems.stream().map(Problem::location).toList());
        assertEquals("the sheet has no column 'quote'", problems.get(1).message());
    }

    @Test
    void aBlankIdIsMadeFromTheReportAndRow() {
        CsvTable.Row row = new CsvTable.Row(7, List.of());
        Node claim = ClaimSheetCompiler.claimIri("r", row, " ");
        assertEquals(NodeFactory.createURI(SheetVocabulary.KB + "c-r-row7"), claim);
    }
}
