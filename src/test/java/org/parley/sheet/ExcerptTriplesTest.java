package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.parley.validate.ReportText;

/** An excerpt written from a placed quote reads back as the same quote and occurrence, and only then. */
class ExcerptTriplesTest {

    private static final ReportText TEXT = new ReportText("Hamas refused. Israel said Hamas refused.");

    @Test
    void theSecondOccurrenceReadsBackAsOccurrenceTwo() {
        Graph graph = GraphFactory.createDefaultGraph();
        Node excerpt = NodeFactory.createBlankNode();
        ExcerptTriples.add(graph, excerpt, "Hamas refused", new ReportText.Span(27, 40));
        assertTrue(SheetTestGraphs.turtle("[] a parley:Excerpt ; oa:exact \"Hamas refused\" ; oa:start 27 ; oa:end 40 .")
                .isIsomorphicWith(graph));
        Optional<ExcerptTriples.Cells> cells = ExcerptTriples.readBack(graph, excerpt, TEXT);
        assertEquals("Hamas refused", cells.orElseThrow().quote());
        assertEquals("2", cells.get().occurrence());
        assertEquals(4, cells.get().triples().size());
    }

    @Test
    void aWordsOnceExcerptHasNoOccurrenceCell() {
        Graph graph = GraphFactory.createDefaultGraph();
        Node excerpt = NodeFactory.createBlankNode();
        ExcerptTriples.add(graph, excerpt, "Israel said", new ReportText.Span(15, 26));
        assertEquals("", ExcerptTriples.readBack(graph, excerpt, TEXT).orElseThrow().occurrence());
    }

    @Test
    void offsetsThatAreNotAnOccurrenceOrAFifthTripleCannotBeSaid() {
        Graph shifted = GraphFactory.createDefaultGraph();
        Node excerpt = NodeFactory.createBlankNode();
        ExcerptTriples.add(shifted, excerpt, "Hamas refused", new ReportText.Span(1, 14));
        assertEquals(Optional.empty(), ExcerptTriples.readBack(shifted, excerpt, TEXT));

        Graph extra = GraphFactory.createDefaultGraph();
        ExcerptTriples.add(extra, excerpt, "Hamas refused", new ReportText.Span(0, 13));
        extra.add(excerpt, SheetVocabulary.parley("note"), NodeFactory.createLiteralString("x"));
        assertEquals(Optional.empty(), ExcerptTriples.readBack(extra, excerpt, TEXT));
    }
}
