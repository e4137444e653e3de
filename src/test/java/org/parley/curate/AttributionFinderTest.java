package org.parley.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** Who a sentence's words belong to: speaker, outlet and the party they stand for, by the knowledge base. */
class AttributionFinderTest {

    private static final String KB = "https://w3id.org/parley/kb/";

    private static ActorIndex actors() {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
                @prefix parley: <https://w3id.org/parley/ontology#> . @prefix kb: <https://w3id.org/parley/kb/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix org: <http://www.w3.org/ns/org#> .
                kb:Hamas a parley:ArmedGroup ; rdfs:label "Hamas"@en .
                kb:Israel a parley:State ; rdfs:label "Israel"@en .
                kb:Egypt a parley:State ; rdfs:label "Egypt"@en .
                kb:Reuters a parley:NewsOutlet ; rdfs:label "Reuters"@en .
                kb:AbuZuhri a parley:Person ; rdfs:label "Sami Abu Zuhri"@en .
                [] org:member kb:AbuZuhri ; org:organization kb:Hamas .
                """, Lang.TURTLE).parse(graph);
        return new ActorIndex(graph);
    }

    @Test
    void aNamedPersonSpeaksForThePartyTheyBelongTo() {
        AttributionFinder.Attribution a = new AttributionFinder(actors())
                .find("Sami Abu Zuhri told Reuters that Israel must withdraw.");
        assertEquals(List.of(kb("Hamas")), a.parties());
        assertEquals(kb("AbuZuhri"), a.speaker());
        assertEquals("Reuters", a.outlet());
    }

    @Test
    void withoutASpeakerTheSubjectBeforeTheVerbIsTheParty() {
        AttributionFinder finder = new AttributionFinder(actors());
        assertEquals(List.of(kb("Israel"), kb("Hamas")), finder.find("Israel and Hamas broadly agree on an exchange.").parties());
        assertEquals(List.of(kb("Israel")), finder.find("Israel rejected the plan Hamas put forward.").parties());
        assertEquals(List.of(kb("Egypt")), finder.find("Egyptian officials said the talks would resume.").parties());
        assertNull(finder.find("Egyptian officials said the talks would resume.").speaker());
    }

    @Test
    void theGroupIsTheArmedGroupNamedLast() {
        AttributionFinder finder = new AttributionFinder(actors());
        assertEquals(List.of(), finder.find("The group refused.").parties());
        finder.find("Hamas fighters were seen in Gaza.");
        assertEquals(List.of(kb("Hamas")), finder.find("The militant group refused to comment.").parties());
    }

    @Test
    void aNameInsideAQuotationIsNotTheSpeaker() {
        AttributionFinder.Attribution a = new AttributionFinder(actors())
                .find("\u201CSami Abu Zuhri is wrong,\u201D an Israeli official said.");
        assertNull(a.speaker());
    }

    private static Node kb(String local) {
        return NodeFactory.createURI(KB + local);
    }
}
