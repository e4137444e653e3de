package org.parley.serve;

import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The SPARQL 1.1 Service Description of a query endpoint (what {@code GET} on the endpoint
 * without a query returns): the endpoint, the language and result formats it supports, that its
 * default graph is the union of the named graphs, whether it federates, and its dataset, which is
 * the VoID dataset of {@code /.well-known/void}, linked with {@code rdfs:seeAlso}.
 */
final class ServiceDescription {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final String VOID = "http://rdfs.org/ns/void#";

    /** Every result format the endpoint offers by content negotiation. */
    private static final List<String> RESULT_FORMATS = List.of(
            "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N3", "TriG", "N-Quads");

    private ServiceDescription() {
    }

    /**
     * @param endpoint    the endpoint URL as the client asked for it
     * @param voidURL     where the VoID description is served
     * @param voidModel   that description, whose {@code void:Dataset} becomes {@code sd:defaultDataset}
     * @param voidEndpoint the endpoint the VoID description names for the served dataset
     * @param federated   whether SERVICE may call some remote endpoint
     */
    static Model describe(String endpoint, String voidURL, Model voidModel, String voidEndpoint, boolean federated) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("void", VOID);
        m.setNsPrefix("rdfs", RDFS.getURI());
        Resource service = m.createResource()
                .addProperty(RDF.type, sd("Service"))
                .addProperty(sdp("endpoint"), m.createResource(endpoint))
                .addProperty(sdp("supportedLanguage"), sd("SPARQL11Query"))
                .addProperty(sdp("feature"), sd("UnionDefaultGraph"));
        if (federated) {
            service.addProperty(sdp("feature"), sd("BasicFederatedQuery"));
        }
        for (String format : RESULT_FORMATS) {
            service.addProperty(sdp("resultFormat"), m.createResource(FORMATS + format));
        }
        // The served dataset: the one the VoID description gives this server's endpoint (the
        // others are the datasets it links to, or its subsets).
        Resource dataset = voidModel.listSubjectsWithProperty(voidModel.createProperty(VOID, "sparqlEndpoint"),
                        voidModel.createResource(voidEndpoint))
                .toList().stream().filter(Resource::isURIResource).findFirst()
                .map(r -> m.createResource(r.getURI()))
                .orElseGet(m::createResource);
        dataset.addProperty(RDF.type, sd("Dataset"))
               .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
               .addProperty(RDFS.seeAlso, m.createResource(voidURL))
               .addProperty(sdp("defaultGraph"), m.createResource().addProperty(RDF.type, sd("Graph")));
        service.addProperty(sdp("defaultDataset"), dataset);
        return m;
    }

    private static Resource sd(String local) {
        return ResourceFactory.createResource(SD + local);
    }

    private static Property sdp(String local) {
        return ResourceFactory.createProperty(SD, local);
    }
}
