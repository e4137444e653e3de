package org.parley.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

/**
 * The VoID/DCAT description of the real knowledge base. Every expected count is computed here with
 * a SPARQL COUNT over the same dataset, independently of the code under test, and the license is
 * the one ontology/parley.ttl states.
 */
class DatasetDescriptionTest {

    private static final String ENDPOINT = "http://127.0.0.1:3030/parley/sparql";

    private static LoadedKnowledgeBase kb;
    private static Model description;
    private static Resource dataset;

    @BeforeAll
    static void describe() throws Exception {
        kb = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT);
        description = DatasetDescription.describe(kb.dataset(), ENDPOINT);
        dataset = description.getResource(DatasetDescription.DATASET_IRI);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void theKnowledgeBaseIsAVoidAndDcatDatasetWithTitleLicenseAndPublisher() {
        assertTrue(dataset.hasProperty(RDF.type, VOID.Dataset));
        assertTrue(dataset.hasProperty(RDF.type, DCAT.Dataset));
        assertEquals("Parley knowledge base", dataset.getProperty(DCTerms.title).getString());
        assertTrue(dataset.getProperty(DCTerms.description).getString().contains("hostage"));
        assertTrue(dataset.hasProperty(DCTerms.publisher));

        Model ontology = RDFDataMgr.loadModel("ontology/parley.ttl");
        RDFNode ontologyLicense = ontology.getResource(DatasetDescription.ONTOLOGY_IRI).getProperty(DCTerms.license).getObject();
        assertEquals(ontologyLicense, dataset.getProperty(DCTerms.license).getObject(), "same license as the ontology");
    }

    @Test
    void theEndpointIsGivenForVoidAndDcat() {
        Resource endpoint = description.getResource(ENDPOINT);
        assertTrue(dataset.hasProperty(VOID.sparqlEndpoint, endpoint));
        Resource service = dataset.getPropertyResourceValue(DCAT.accessService);
        assertTrue(service.hasProperty(RDF.type, DCAT.DataService));
        assertTrue(service.hasProperty(DCAT.endpointURL, endpoint));
        assertTrue(service.hasProperty(DCAT.servesDataset, dataset));

        Model offline = DatasetDescription.describe(kb.dataset(), null);
        assertNull(offline.getResource(DatasetDescription.DATASET_IRI).getProperty(VOID.sparqlEndpoint),
                "no endpoint when none is served");
    }

    @Test
    void theCountsAreThoseOfTheDataset() {
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), number(dataset, VOID.triples));
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c FILTER isIRI(?c) }"),
                number(dataset, VOID.classes));
        assertEquals(count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"), number(dataset, VOID.properties));
    }

    @Test
    void eachNamedGraphIsASubsetWithItsTripleCount() {
        Set<String> graphs = new TreeSet<>();
        Txn.executeRead(kb.dataset(), () -> {
            try (QueryExecution execution = QueryExecution.dataset(kb.dataset())
                    .query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").build()) {
                execution.execSelect().forEachRemaining(row -> graphs.add(row.getResource("g").getURI()));
            }
        });
        assertTrue(graphs.contains("https://w3id.org/parley/graph/cameo"), graphs.toString());
        Set<String> subsets = new TreeSet<>();
        for (Statement subset : dataset.listProperties(VOID.subset).toList()) {
            Resource graph = subset.getResource();
            if (!graph.hasProperty(RDF.type, VOID.Linkset)) {
                subsets.add(graph.getURI());
                long expected = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph.getURI() + "> { ?s ?p ?o } }");
                assertEquals(expected, number(graph, VOID.triples), graph.getURI());
            }
        }
        assertEquals(graphs, subsets);
    }

    @Test
    void linksetsCountTheSameAsLinksToWikidataAndDbpedia() {
        Resource wikidata = description.getResource(DatasetDescription.LINKSET_BASE + "wikidata");
        Resource dbpedia = description.getResource(DatasetDescription.LINKSET_BASE + "dbpedia");
        for (Resource linkset : new Resource[] {wikidata, dbpedia}) {
            assertTrue(dataset.hasProperty(VOID.subset, linkset));
            assertTrue(linkset.hasProperty(RDF.type, VOID.Linkset));
            assertTrue(linkset.hasProperty(VOID.linkPredicate, OWL.sameAs));
            assertTrue(linkset.hasProperty(VOID.target, dataset));
        }
        assertTrue(wikidata.hasProperty(VOID.target, description.getResource("http://www.wikidata.org/")));
        assertTrue(dbpedia.hasProperty(VOID.target, description.getResource("http://dbpedia.org/")));
        long toWikidata = count("SELECT (COUNT(*) AS ?n) WHERE { ?s <" + OWL.sameAs.getURI() + "> ?o"
                + " FILTER STRSTARTS(STR(?o), 'http://www.wikidata.org/entity/') }");
        long toDbpedia = count("SELECT (COUNT(*) AS ?n) WHERE { ?s <" + OWL.sameAs.getURI() + "> ?o"
                + " FILTER STRSTARTS(STR(?o), 'http://dbpedia.org/resource/') }");
        // data/actors.ttl links 12 actors and places, data/terms.ttl 3 events: 15 each way.
        assertEquals(15, toWikidata);
        assertEquals(15, toDbpedia);
        assertEquals(toWikidata, number(wikidata, VOID.triples));
        assertEquals(toDbpedia, number(dbpedia, VOID.triples));
    }

    @Test
    void theVocabulariesUsedAreListed() {
        Set<String> vocabularies = new TreeSet<>();
        dataset.listProperties(VOID.vocabulary).forEachRemaining(s -> vocabularies.add(s.getResource().getURI()));
        assertEquals(new TreeSet<>(Set.of(
                "https://w3id.org/parley/ontology",
                "http://www.w3.org/ns/prov-o#",
                "http://www.w3.org/ns/oa#",
                "http://www.w3.org/2004/02/skos/core",
                "http://www.w3.org/ns/org#",
                "http://xmlns.com/foaf/0.1/",
                "http://purl.org/dc/terms/")), vocabularies);
    }

    @Test
    void theCountsFollowTheDataWhenItChanges() {
        Dataset copy = org.apache.jena.query.DatasetFactory.createTxnMem();
        Txn.executeWrite(copy, () -> copy.addNamedModel("https://w3id.org/parley/graph/extra",
                RDFDataMgr.loadModel("data/actors.ttl")));
        Model small = DatasetDescription.describe(copy, ENDPOINT);
        long actorsTriples = RDFDataMgr.loadModel("data/actors.ttl").size();
        assertEquals(actorsTriples, number(small.getResource(DatasetDescription.DATASET_IRI), VOID.triples));
    }

    private static long count(String select) {
        return Txn.calculateRead(kb.dataset(), () -> {
            try (QueryExecution execution = QueryExecution.dataset(kb.dataset()).query(select).build()) {
                return execution.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static long number(Resource subject, org.apache.jena.rdf.model.Property property) {
        return subject.getProperty(property).getLong();
    }
}
