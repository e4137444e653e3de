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

/** The things sheet: each row one triple, its value read by the datatype cell or by the property. */
class ThingsSheetCompilerTest {

    private static final Graph KB = SheetTestGraphs.turtle("kb:Hamas a parley:ArmedGroup ; rdfs:label \"Hamas\"@en .");
    private static final String FILE = "data/sheets/r.things.csv";

    private final List<Problem> problems = new ArrayList<>();
    private final Graph graph = GraphFactory.createDefaultGraph();

    private Set<Node> compile(String rows) {
        CsvTable table = SheetTestGraphs.table(FILE, "thing,property,value,datatype\r\n" + rows);
        return new ThingsSheetCompiler(SheetTestGraphs.names(KB), new OntologyView(SheetTestGraphs.ontology()))
                .compile(table, graph, new SheetProblems(table, problems));
    }

    @Test
    void eachRowIsOneTripleTypedByItsPropertyOrDatatype() {
        Set<Node> described = compile("""
                t-truce,type,Term,
                t-truce,label,a truce,
                t-truce,note,une trêve,@fr
                t-truce,skos:related,Hamas,
                p-plan-1,phaseNumber,2,
                report:r,dcterms:issued,2024-01-15,xsd:date
                """);
        assertEquals(List.of(), problems);
        Graph expected = SheetTestGraphs.turtle("""
                kb:t-truce a parley:Term ; rdfs:label "a truce"@en ; skos:note "une trêve"@fr ; skos:related kb:Hamas .
                kb:p-plan-1 parley:phaseNumber 2 .
                <https://w3id.org/parley/kb/report/r> <http://purl.org/dc/terms/issued> "2024-01-15"^^xsd:date .
                """);
        assertTrue(expected.isIsomorphicWith(graph), graph.toString());
        assertEquals(Set.of(kb("t-truce"), kb("p-plan-1"), NodeFactory.createURI(SheetVocabulary.REPORT + "r")), described);
    }

    @Test
    void aBadRowIsNamedByItsColumnAndAddsNothing() {
        Set<Node> described = compile("""
                not an id,label,x,
                t-truce,hasTermTyp,x,
                t-truce,type,Trem,
                t-truce,label,,
                t-truce,phaseNumber,two,
                t-truce,label,x,datatype?
                t-truce,skos:related,Hamaz,
                """);
        assertEquals(List.of(FILE + ":2:1", FILE + ":3:2", FILE + ":4:3", FILE + ":5:3", FILE + ":6:3", FILE + ":7:4", FILE + ":8:3"),
                problems.stream().map(Problem::location).toList());
        assertTrue(problems.get(1).message().contains("did you mean 'hasTermType'"), problems.get(1).message());
        assertTrue(problems.get(4).message().contains("'two' is not a valid http://www.w3.org/2001/XMLSchema#integer"));
        assertEquals(0, graph.size());
        assertEquals(Set.of(), described);
    }

    @Test
    void aHeaderOtherThanThingPropertyValueIsRefusedWhole() {
        CsvTable table = SheetTestGraphs.table(FILE, "thing,predicate,value\r\nt-truce,label,a truce\r\n");
        new ThingsSheetCompiler(SheetTestGraphs.names(KB), new OntologyView(SheetTestGraphs.ontology()))
                .compile(table, graph, new SheetProblems(table, problems));
        assertEquals(List.of(FILE + ":1"), problems.stream().map(Problem::location).toList());
        assertEquals(0, graph.size());
    }

    @Test
    void propertyCellsReadShortNamesPrefixedNamesIrisAndParleyNames() {
        assertEquals(NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"), ThingsSheetCompiler.propertyIri(" altLabel "));
        assertEquals(NodeFactory.createURI("http://purl.org/dc/terms/source"), ThingsSheetCompiler.propertyIri("dcterms:source"));
        assertEquals(NodeFactory.createURI("http://example.org/p"), ThingsSheetCompiler.propertyIri("<http://example.org/p>"));
        assertEquals(SheetVocabulary.parley("hasTerm"), ThingsSheetCompiler.propertyIri("hasTerm"));
        assertEquals(null, ThingsSheetCompiler.propertyIri("has term"));
        assertEquals(kb("t-1"), ThingsSheetCompiler.thingIri("t-1"));
        assertEquals(null, ThingsSheetCompiler.thingIri("-t 1"));
    }

    private static Node kb(String local) {
        return NodeFactory.createURI(SheetVocabulary.KB + local);
    }
}
