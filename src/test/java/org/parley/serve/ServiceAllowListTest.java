package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound SERVICE is off unless the endpoint is named with --allow-service. The "remote" is a
 * second embedded Fuseki on loopback holding two triples; its request counter shows whether the
 * Parley server called it.
 */
class ServiceAllowListTest extends ServerTestBase {

    private FusekiServer remote;
    private String remoteSparql;

    @BeforeEach
    void startRemote() {
        Model m = ModelFactory.createDefaultModel();
        m.add(m.createResource("https://remote.example/mediator/qatar"),
                m.createProperty("http://www.w3.org/2000/01/rdf-schema#label"), "Qatar");
        m.add(m.createResource("https://remote.example/mediator/egypt"),
                m.createProperty("http://www.w3.org/2000/01/rdf-schema#label"), "Egypt");
        Dataset ds = DatasetFactory.createTxnMem();
        ds.setDefaultModel(m);
        remote = FusekiServer.create().fusekiModules(FusekiModules.empty()).port(0).add("/remote", ds, false).build();
        for (Connector c : remote.getJettyServer().getConnectors()) {
            ((ServerConnector) c).setHost("127.0.0.1");
        }
        remote.start();
        remoteSparql = "http://127.0.0.1:" + remote.getHttpPort() + "/remote/sparql";
    }

    @AfterEach
    void stopRemote() {
        remote.stop();
    }

    private long remoteRequests() {
        return remote.getDataAccessPointRegistry().get("/remote").getDataService().getRequests();
    }

    private String federated(String endpoint) {
        return "SELECT ?label { SERVICE <" + endpoint + "> { ?m <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
                + " ORDER BY ?label";
    }

    @Test
    void serviceIsRefusedByDefault() {
        start(TestData.negotiation());
        HttpResponse<String> r = query(federated(remoteSparql), "text/csv");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE <" + remoteSparql + "> refused"), r.body());
        assertTrue(r.body().contains("--allow-service"), r.body());
        assertEquals(0, remoteRequests(), "the remote endpoint must not have been called");
    }

    @Test
    void silentServiceIsRefusedToo() {
        start(TestData.negotiation());
        HttpResponse<String> r = query("SELECT * { SERVICE SILENT <" + remoteSparql + "> { ?s ?p ?o } }", "text/csv");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals(0, remoteRequests());
    }

    @Test
    void allowedServiceIsCalled() {
        start(TestData.negotiation(), ServeOptions.builder().allowService(remoteSparql));
        HttpResponse<String> r = query(federated(remoteSparql), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("label", "Egypt", "Qatar"), r.body().lines().toList());
        assertTrue(remoteRequests() >= 1);
    }

    @Test
    void otherEndpointsStayRefusedWhenOneIsAllowed() {
        start(TestData.negotiation(), ServeOptions.builder().allowService(remoteSparql));
        String other = "http://127.0.0.1:" + remote.getHttpPort() + "/remote/query";
        HttpResponse<String> r = query(federated(other), "text/csv");
        assertEquals(422, r.statusCode(), r.body());
        // A variable endpoint bound to a refused URL is refused too.
        HttpResponse<String> bound = query("SELECT * { BIND(<" + other + "> AS ?e) SERVICE ?e { ?s ?p ?o } }", "text/csv");
        assertEquals(422, bound.statusCode(), bound.body());
        assertEquals(0, remoteRequests());
    }

    @Test
    void fromClauseNeverFetches() {
        // FROM names a graph of the dataset; it is not a URL to load.
        start(TestData.negotiation());
        HttpResponse<String> r = query("SELECT * FROM <" + remoteSparql + "?query=ASK%7B%7D> { ?s ?p ?o }", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("s,p,o"), r.body().lines().toList());
        assertEquals(0, remoteRequests());
    }

    @Test
    void badAllowServiceUrlIsAStartupError() {
        for (String bad : List.of("not a url", "file:///etc/passwd", "ftp://127.0.0.1/x", "/relative")) {
            ServeException e = assertThrows(ServeException.class,
                    () -> ServeOptions.builder().allowService(bad).build());
            assertTrue(e.getMessage().startsWith("--allow-service " + bad), e.getMessage());
        }
    }
}
