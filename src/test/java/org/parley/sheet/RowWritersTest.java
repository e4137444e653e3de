package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.parley.validate.ReportText;

/**
 * ClaimRowWriter and ThingRowWriter: a value goes in a claim column only if the cell reads back as
 * it; what no column can say is left for the things sheet, written in the form that reads back.
 */
class RowWritersTest {

    private static final Node REPORT = NodeFactory.createURI(SheetVocabulary.REPORT + "r");
    private static final Graph GRAPH = SheetTestGraphs.turtle("""
            kb:Hamas a parley:ArmedGroup ; rdfs:label "Hamas"@en .
            kb:c1 a parley:Position ; parley:inReport <https://w3id.org/parley/kb/report/r> ; parley:hasParty kb:Hamas ;
                parley:hasStance parley:refusal ; parley:hedgeCue "could" , "might" ;
                rdfs:comment "in French"@fr ;
                parley:hasExcerpt [ a parley:Excerpt ; oa:exact "Hamas refused" ; oa:start 15 ; oa:end 28 ] .
            kb:t-1 parley:phaseNumber 2 ; rdfs:label "first"@en ; rdfs:comment "plain" ; a parley:Term .
            """);
    private static final ReportText TEXT = new ReportText("Hamas refused. Hamas refused.");

    private final Names names = SheetTestGraphs.names(GRAPH);
    private final OntologyView ontology = new OntologyView(SheetTestGraphs.ontology());

    @Test
    void aClaimRowSaysWhatReadsBackAndLeavesTheRest() {
        Set<Triple> consumed = new HashSet<>();
        List<String> row = new ClaimRowWriter(names, ontology).row(GRAPH, kb("c1"), REPORT, TEXT, consumed);
        assertEquals("c1", cell(row, "id"));
        assertEquals("position", cell(row, "kind"));
        assertEquals("Hamas", cell(row, "party"));
        assertEquals("refusal", cell(row, "stance"));
        assertEquals("could | might", cell(row, "hedge_cue"));
        assertEquals("Hamas refused", cell(row, "quote"));
        assertEquals("2", cell(row, "occurrence"));
        // The note column writes English; a French comment would read back as another triple.
        assertEquals("", cell(row, "note"));
        assertFalse(consumed.contains(Triple.create(kb("c1"), NodeFactory.createURI(SheetVocabulary.RDFS + "comment"),
                NodeFactory.createLiteralLang("in French", "fr"))));
        assertEquals(11, consumed.size());
    }

    @Test
    void theRestBecomeThingRowsInTheFormThatReadsBack() {
        Set<Triple> consumed = new HashSet<>();
        new ClaimRowWriter(names, ontology).row(GRAPH, kb("c1"), REPORT, TEXT, consumed);
        List<List<String>> rows = new ThingRowWriter(names, ontology).rows(GRAPH, REPORT, consumed);
        assertEquals(List.of(
                List.of("Hamas", "type", "ArmedGroup", ""),
                List.of("Hamas", "label", "Hamas", ""),
                List.of("c1", "comment", "in French", "@fr"),
                List.of("t-1", "type", "Term", ""),
                List.of("t-1", "label", "first", ""),
                List.of("t-1", "comment", "plain", "string"),
                List.of("t-1", "phaseNumber", "2", "")), rows);
        assertTrue(rows.stream().noneMatch(r -> r.get(0).equals("c1") && r.get(1).equals("hasParty")));
    }

    private static String cell(List<String> row, String header) {
        return row.get(SheetVocabulary.HEADERS.indexOf(header));
    }

    private static Node kb(String local) {
        return NodeFactory.createURI(SheetVocabulary.KB + local);
    }
}
