package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.parley.describe.DatasetDescription;

/** {@code /.well-known/void}: the dataset description computed from what is served. */
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
    void theDatasetDescriptionWithTheServedEndpoint() {
        // The one description (DatasetDescription), as export carries it, plus the endpoint served.
        start(TestData.negotiation());
        Model m = fetchVoid();
        Resource ds = m.createResource(DatasetDescription.DATASET_IRI);
        assertEquals(22, ds.getProperty(m.createProperty(VOID, "triples")).getInt());
        assertEquals(server.sparqlURL(), ds.getProperty(m.createProperty(VOID, "sparqlEndpoint")).getResource().getURI());
        assertEquals(3, m.listObjectsOfProperty(ds, m.createProperty(VOID, "subset"))
                .filterKeep(subset -> subset.asResource().getURI().startsWith(TestData.GRAPH)).toList().size());
        Resource actors = m.createResource(TestData.GRAPH + "actors");
        assertEquals(4, actors.getProperty(m.createProperty(VOID, "triples")).getInt());
    }
}
