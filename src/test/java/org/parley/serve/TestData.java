package org.parley.serve;

import java.io.StringReader;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/** Small datasets built in code, shaped like the knowledge base: one named graph per source. */
public final class TestData {

    public static final String GRAPH = "https://w3id.org/parley/graph/";
    static final String PREFIXES = """
            PREFIX parley: <https://w3id.org/parley/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    private TestData() {}

    /**
     * Three positions in a report graph (two Hamas demands, one Israeli proposal), the actors and
     * the stances in their own graphs, and nothing in the stored default graph.
     */
    public static Dataset negotiation() {
        String trig = """
                PREFIX parley: <https://w3id.org/parley/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX g: <https://w3id.org/parley/graph/>
                PREFIX ex: <https://w3id.org/parley/test/>

                g:actors {
                    ex:hamas a parley:ArmedGroup ; rdfs:label "Hamas"@en .
                    ex:israel a parley:State ; rdfs:label "Israel"@en .
                }
                g:concepts {
                    ex:demand a parley:Stance ; skos:prefLabel "demand"@en ; rdfs:label "demand"@en .
                    ex:proposal a parley:Stance ; skos:prefLabel "proposal"@en ; rdfs:label "proposal"@en .
                }
                g:report-000 {
                    ex:p1 a parley:Position ; parley:hasParty ex:hamas ; parley:hasStance ex:demand ;
                        rdfs:label "Hamas demands a permanent end to the war"@en .
                    ex:p2 a parley:Position ; parley:hasParty ex:hamas ; parley:hasStance ex:demand ;
                        rdfs:label "Hamas demands guarantees that the deal reaches its last phase"@en .
                    ex:p3 a parley:Position ; parley:hasParty ex:israel ; parley:hasStance ex:proposal ;
                        rdfs:label "Israel proposes a month-long truce"@en .
                }
                """;
        Dataset ds = DatasetFactory.createTxnMem();
        Txn.executeWrite(ds, () -> RDFParser.create().source(new StringReader(trig)).lang(Lang.TRIG).parse(ds));
        return ds;
    }

    /** The SELECT the browser test and others run: Hamas's demands, by label. */
    static final String HAMAS_DEMANDS = PREFIXES + """
            SELECT ?position ?label WHERE {
              ?position a parley:Position ;
                        parley:hasParty/rdfs:label "Hamas"@en ;
                        parley:hasStance/rdfs:label "demand"@en ;
                        rdfs:label ?label .
            }
            ORDER BY ?label
            """;

    /** A dataset of {@code n} triples in one named graph, for queries meant to run too long. */
    static Dataset big(int n) {
        Dataset ds = DatasetFactory.createTxnMem();
        DatasetGraph dsg = ds.asDatasetGraph();
        Node g = NodeFactory.createURI(GRAPH + "big");
        Node p = NodeFactory.createURI("https://w3id.org/parley/test/p");
        Txn.executeWrite(ds, () -> {
            for (int i = 0; i < n; i++) {
                dsg.add(new Quad(g, NodeFactory.createURI("https://w3id.org/parley/test/s" + i), p,
                        NodeFactory.createLiteralString("o" + i)));
            }
        });
        return ds;
    }
}
