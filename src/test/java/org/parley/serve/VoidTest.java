package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/** {@code /.well-known/void}: computed by default, the void graph when there is one, or a supplied model. */
class VoidTest extends ServerTestBase {

    private static final String VOID = "http://rdfs.org/ns/void#";

    private Model fetchVoid() {
        HttpResponse<String> r = get(url("/.well-known/void"), "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.TURTLE).parse(m);
        return m;
    }

    @Test
    void computedFromTheDatasetByDefault() {
        start(TestData.negotiation());
        Model m = fetchVoid();
        Resource ds = m.createResource(server.datasetURL());
        assertEquals(22, ds.getProperty(m.createProperty(VOID, "triples")).getInt());
        assertEquals(server.sparqlURL(), ds.getProperty(m.createProperty(VOID, "sparqlEndpoint")).getResource().getURI());
        assertEquals(3, m.listObjectsOfProperty(ds, m.createProperty(VOID, "subset")).toList().size());
        Resource actors = m.createResource(TestData.GRAPH + "actors");
        assertEquals(4, actors.getProperty(m.createProperty(VOID, "triples")).getInt());
    }

    @Test
    void theVoidGraphWinsWhenPresent() {
        Dataset ds = TestData.negotiation();
        Txn.executeWrite(ds, () -> ds.asDatasetGraph().add(new Quad(NodeFactory.createURI(VoidServlet.VOID_GRAPH),
                NodeFactory.createURI("https://w3id.org/parley/"), NodeFactory.createURI(VOID + "triples"),
                NodeFactory.createLiteralString("curated"))));
        start(ds);
        Model m = fetchVoid();
        assertEquals(1, m.size());
        assertTrue(m.contains(null, m.createProperty(VOID, "triples"), "curated"));
    }

    @Test
    void aSuppliedDescriptionIsServedAsIs() {
        Model supplied = ModelFactory.createDefaultModel();
        supplied.add(supplied.createResource("https://w3id.org/parley/"), supplied.createProperty(VOID, "title"), "Parley");
        java.util.concurrent.atomic.AtomicReference<String> endpoint = new java.util.concurrent.atomic.AtomicReference<>();
        start(TestData.negotiation(), ServeOptions.builder().voidDescription(url -> {
            endpoint.set(url);
            return supplied;
        }));
        assertTrue(fetchVoid().isIsomorphicWith(supplied));
        assertEquals(server.sparqlURL(), endpoint.get());
    }
}
