package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.parley.validate.Problem;

/** A claim cell's words made into a value by its column: names, concepts, numbers, new cited sources. */
class ClaimCellReaderTest {

    private static final Graph KB = SheetTestGraphs.turtle("""
            kb:Hamas a parley:ArmedGroup ; rdfs:label "Hamas"@en .
            kb:Egypt a parley:State ; rdfs:label "Egypt"@en .
            kb:Reuters a parley:NewsOutlet ; rdfs:label "Reuters"@en .
            kb:src-other-two-sources a parley:AnonymousSource ; rdfs:label "two sources"@en .
            """);
    private static final String FILE = "data/sheets/r.csv";

    private final List<Problem> problems = new ArrayList<>();
    private final List<Node[]> triples = new ArrayList<>();
    private final SheetProblems sheetProblems = new SheetProblems(SheetTestGraphs.table(FILE,
            "id,party,stance,cited_source,source_count,source_side,outlet,month\r\n"), problems);

    private Node read(String header, String words, Map<String, String> cells, Set<Node> ownThings) {
        return new ClaimCellReader("r", SheetTestGraphs.names(KB), new OntologyView(SheetTestGraphs.ontology()), ownThings)
                .value(5, SheetVocabulary.column(header), words, cells, sheetProblems, triples);
    }

    @Test
    void namesConceptsAndNumbersAreRead() {
        assertEquals(NodeFactory.createURI(SheetVocabulary.KB + "Hamas"), read("party", "hamas", Map.of(), Set.of()));
        assertEquals(SheetVocabulary.parley("noAgreement"), read("stance", "no agreement", Map.of(), Set.of()));
        assertEquals(NodeFactory.createLiteralDT("11", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger),
                read("month", "11", Map.of(), Set.of()));
        assertEquals(List.of(), problems);
        assertEquals(List.of(), triples);
    }

    @Test
    void aBadCellIsAProblemAtItsColumn() {
        assertNull(read("party", "Hamaz", Map.of(), Set.of()));
        assertNull(read("stance", "refusl", Map.of(), Set.of()));
        assertNull(read("month", "May", Map.of(), Set.of()));
        assertEquals(List.of(FILE + ":5:2", FILE + ":5:3", FILE + ":5:8"), problems.stream().map(Problem::location).toList());
        assertTrue(problems.get(1).message().startsWith("bad stance 'refusl'; did you mean 'refusal'"), problems.get(1).message());
    }

    @Test
    void anotherReportsAnonymousSourceIsNotReusedButMadeAnewWithCountSideAndOutlet() {
        Node source = read("cited_source", "two sources",
                Map.of("source_count", "2", "source_side", "Egypt", "outlet", "Reuters | Unknown Daily"), Set.of());
        assertEquals(NodeFactory.createURI(SheetVocabulary.KB + "src-r-two-sources"), source);
        Graph made = GraphFactory.createDefaultGraph();
        triples.forEach(t -> made.add(t[0], t[1], t[2]));
        assertTrue(SheetTestGraphs.turtle("""
                kb:src-r-two-sources a parley:AnonymousSource ; rdfs:label "two sources"@en ;
                    parley:sourceDescription "two sources" ;
                    parley:noLinkReason "An anonymous source has no external identity." ;
                    parley:sourceCount 2 ; parley:onSideOf kb:Egypt ; parley:citedBy kb:Reuters .
                """).isIsomorphicWith(made), made.toString());
        assertEquals(List.of(), problems);
    }

    @Test
    void itsOwnDeclaredSourceIsCitedAsItIs() {
        Node own = NodeFactory.createURI(SheetVocabulary.KB + "src-other-two-sources");
        assertEquals(own, read("cited_source", "two sources", Map.of("source_count", "two"), Set.of(own)));
        assertEquals(List.of(), triples);
        assertEquals(List.of(), problems);
    }

    @Test
    void aCountThatIsNoNumberIsAProblemOfTheCountColumn() {
        read("cited_source", "some officials", Map.of("source_count", "two"), Set.of());
        assertEquals(List.of(FILE + ":5:5"), problems.stream().map(Problem::location).toList());
    }
}
