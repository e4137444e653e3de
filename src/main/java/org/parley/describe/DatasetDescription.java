package org.parley.describe;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * A VoID and DCAT description of a Parley knowledge base: what {@code /.well-known/void} serves and
 * what an export can carry beside the data. Every count is computed from the dataset at the call,
 * so the description can never disagree with what is served.
 *
 * <p>Counts are over the named graphs (the stored default graph is not served; SPARQL's default
 * graph is the union of the named graphs): {@code void:triples} counts each distinct triple once,
 * a subset per named graph counts that graph's triples.
 */
public final class DatasetDescription {

    /** The knowledge base as a dataset; the same IRI the single-graph export names itself by. */
    public static final String DATASET_IRI = "https://w3id.org/parley/kb";
    public static final String LINKSET_BASE = DATASET_IRI + "/linkset/";
    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    public static final String ONTOLOGY_IRI = KbNames.ONTOLOGY_IRI;

    /**
     * The vocabularies VoID lists when the data use them: namespace → vocabulary IRI. The IRIs are
     * the ones the ontology's rdfs:isDefinedBy names, so the two never disagree.
     */
    private static final Map<String, String> VOCABULARIES = vocabularies();

    /** The external datasets owl:sameAs links point into. */
    private static final List<LinkTarget> LINK_TARGETS = List.of(
            new LinkTarget("wikidata", "http://www.wikidata.org/", "Wikidata", "http://www.wikidata.org/entity/",
                    "https://query.wikidata.org/sparql"),
            new LinkTarget("dbpedia", "http://dbpedia.org/", "DBpedia", "http://dbpedia.org/resource/",
                    "https://dbpedia.org/sparql"));

    private DatasetDescription() {
    }

    /**
     * The description of {@code dataset}, whose SPARQL endpoint is {@code endpointUrl} (null when it
     * is not served, for an export). Opens a read transaction unless the caller holds one.
     */
    public static Model describe(Dataset dataset, String endpointUrl) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        return Txn.calculateRead(dsg, () -> build(dsg, endpointUrl));
    }

    private static Model build(DatasetGraph dsg, String endpointUrl) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", VOID.NS);
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("dcterms", DCTerms.NS);
        m.setNsPrefix("foaf", FOAF.NS);
        m.setNsPrefix("owl", OWL.NS);
        m.setNsPrefix("xsd", XSD.NS);

        Counts counts = Counts.of(dsg);
        Resource kb = m.createResource(DATASET_IRI)
                .addProperty(RDF.type, VOID.Dataset)
                .addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, m.createLiteral("Parley knowledge base", "en"))
                .addProperty(DCTerms.description, m.createLiteral("Claims read from news reports about the"
                        + " Gaza ceasefire and hostage negotiations: who demanded, proposed, offered, accepted or"
                        + " rejected what, on what condition, according to whom, each anchored to the report's"
                        + " own words.", "en"))
                .addProperty(DCTerms.license, m.createResource(LICENSE))
                .addProperty(DCTerms.publisher, m.createResource()
                        .addProperty(RDF.type, FOAF.Agent)
                        .addProperty(FOAF.name, "The Parley developers"))
                .addProperty(DCTerms.conformsTo, m.createResource(ONTOLOGY_IRI))
                .addProperty(VOID.uriSpace, "https://w3id.org/parley/kb/")
                .addProperty(VOID.triples, count(m, counts.triples()))
                .addProperty(VOID.classes, count(m, counts.classes().size()))
                .addProperty(VOID.properties, count(m, counts.properties().size()));
        for (String keyword : List.of("ceasefire", "hostages", "negotiation", "Gaza", "CAMEO")) {
            kb.addProperty(DCAT.keyword, m.createLiteral(keyword, "en"));
        }
        VOCABULARIES.forEach((namespace, vocabulary) -> {
            if (counts.usesNamespace(namespace)) {
                kb.addProperty(VOID.vocabulary, m.createResource(vocabulary));
            }
        });
        if (endpointUrl != null) {
            Resource endpoint = m.createResource(endpointUrl);
            kb.addProperty(VOID.sparqlEndpoint, endpoint);
            kb.addProperty(DCAT.accessService, m.createResource()
                    .addProperty(RDF.type, DCAT.DataService)
                    .addProperty(DCAT.endpointURL, endpoint)
                    .addProperty(DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/"))
                    .addProperty(DCAT.servesDataset, kb));
        }
        counts.graphSizes().forEach((graph, size) -> kb.addProperty(VOID.subset, m.createResource(graph)
                .addProperty(RDF.type, VOID.Dataset)
                .addProperty(VOID.triples, count(m, size))));
        for (LinkTarget target : LINK_TARGETS) {
            addLinkset(m, kb, target, counts.linksInto(target.uriSpace()));
        }
        return m;
    }

    private static void addLinkset(Model m, Resource kb, LinkTarget target, long links) {
        Resource external = m.createResource(target.datasetIri())
                .addProperty(RDF.type, VOID.Dataset)
                .addProperty(DCTerms.title, target.title())
                .addProperty(VOID.uriSpace, target.uriSpace())
                .addProperty(VOID.sparqlEndpoint, m.createResource(target.endpoint()));
        Resource linkset = m.createResource(LINKSET_BASE + target.name())
                .addProperty(RDF.type, VOID.Linkset)
                .addProperty(VOID.linkPredicate, OWL.sameAs)
                .addProperty(VOID.subjectsTarget, kb)
                .addProperty(VOID.objectsTarget, external)
                .addProperty(VOID.target, kb)
                .addProperty(VOID.target, external)
                .addProperty(VOID.triples, count(m, links));
        kb.addProperty(VOID.subset, linkset);
    }

    private static Literal count(Model m, long n) {
        return m.createTypedLiteral(BigInteger.valueOf(n));
    }

    private static Map<String, String> vocabularies() {
        Map<String, String> vocabularies = new LinkedHashMap<>();
        vocabularies.put(Parley.NS, ONTOLOGY_IRI);
        vocabularies.put("http://www.w3.org/ns/prov#", "http://www.w3.org/ns/prov-o#");
        vocabularies.put("http://www.w3.org/ns/oa#", "http://www.w3.org/ns/oa#");
        vocabularies.put("http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/2004/02/skos/core");
        vocabularies.put("http://www.w3.org/ns/org#", "http://www.w3.org/ns/org#");
        vocabularies.put("http://xmlns.com/foaf/0.1/", "http://xmlns.com/foaf/0.1/");
        vocabularies.put("http://purl.org/dc/terms/", "http://purl.org/dc/terms/");
        return vocabularies;
    }

    private record LinkTarget(String name, String datasetIri, String title, String uriSpace, String endpoint) {
    }

    /** What one pass over the named graphs finds. */
    private record Counts(long triples, Set<Node> classes, Set<Node> properties, Map<String, Long> graphSizes,
                          Map<String, Long> sameAsByObject) {

        static Counts of(DatasetGraph dsg) {
            Set<Triple> distinct = new HashSet<>();
            Map<String, Long> graphSizes = new LinkedHashMap<>();
            List<Node> graphNames = Iter.toList(dsg.listGraphNodes()).stream()
                    .sorted(Comparator.comparing(Node::toString))
                    .toList();
            for (Node graphName : graphNames) {
                Graph graph = dsg.getGraph(graphName);
                graph.find().forEachRemaining(distinct::add);
                if (graphName.isURI()) {
                    graphSizes.put(graphName.getURI(), (long) graph.size());
                }
            }
            Set<Node> classes = new HashSet<>();
            Set<Node> properties = new HashSet<>();
            Map<String, Long> sameAs = new LinkedHashMap<>();
            for (Triple triple : distinct) {
                properties.add(triple.getPredicate());
                if (triple.getPredicate().equals(RDF.type.asNode()) && triple.getObject().isURI()) {
                    classes.add(triple.getObject());
                }
                if (triple.getPredicate().equals(OWL.sameAs.asNode()) && triple.getObject().isURI()) {
                    sameAs.merge(triple.getObject().getURI(), 1L, Long::sum);
                }
            }
            return new Counts(distinct.size(), classes, properties, graphSizes, sameAs);
        }

        boolean usesNamespace(String namespace) {
            return properties.stream().anyMatch(p -> p.getURI().startsWith(namespace))
                    || classes.stream().anyMatch(c -> c.getURI().startsWith(namespace));
        }

        long linksInto(String uriSpace) {
            return sameAsByObject.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(uriSpace))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }
}
