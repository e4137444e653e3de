package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class EntailmentMaterialiserTest {

    private static final String PREFIXES = """
            @prefix :     <http://example.org/> .
            @prefix owl:  <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            """;

    private static final Graph ONTOLOGY = turtle("""
            :reportedBy rdfs:subPropertyOf :attributedTo .
            :attributedTo rdfs:range :Actor ; owl:inverseOf :attributes .
            :attributes rdfs:domain :Actor .
            :corroborates a owl:SymmetricProperty ; rdfs:domain :Claim .
            :Outlet rdfs:subClassOf :Actor .
            """);

    @Test
    void subPropertyThenInverseThenDomainAreAllFollowed() {
        Graph data = turtle(":c1 :reportedBy :reuters .");

        Graph entailed = EntailmentMaterialiser.entailments(ONTOLOGY, List.of(data));

        assertTrue(entailed.isIsomorphicWith(turtle("""
                :c1 :attributedTo :reuters .
                :reuters a :Actor ; :attributes :c1 .
                """)), entailed::toString);
    }

    @Test
    void symmetricPropertiesGoBothWays() {
        Graph data = turtle(":c1 :corroborates :c2 .");

        Graph entailed = EntailmentMaterialiser.entailments(ONTOLOGY, List.of(data));

        assertTrue(entailed.isIsomorphicWith(turtle(":c2 :corroborates :c1 . :c1 a :Claim . :c2 a :Claim .")),
                entailed::toString);
    }

    @Test
    void whatAnyGraphStatesIsNotRepeated() {
        Graph claims = turtle(":c1 :reportedBy :reuters .");
        Graph actors = turtle(":reuters a :Actor .");

        Graph entailed = EntailmentMaterialiser.entailments(ONTOLOGY, List.of(claims, actors));

        assertTrue(entailed.isIsomorphicWith(turtle(":c1 :attributedTo :reuters . :reuters :attributes :c1 .")),
                entailed::toString);
    }

    private static Graph turtle(String body) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + body, Lang.TURTLE).parse(graph);
        return graph;
    }
}
