package org.parley.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.export.ExportFormat;
import org.parley.export.KnowledgeBaseExporter;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;

/**
 * The knowledge base opens where people will open it: the RDF/XML export in the OWL API (what
 * Protégé runs on), its import of the ontology resolved offline through ontology/catalog-v001.xml;
 * and a JSON-LD export with ontology/context.jsonld reads back as the same graph.
 */
class ProtegeAndJsonLdTest {

    private static final String ONTOLOGY = "https://w3id.org/parley/ontology";
    private static final String PARLEY = ONTOLOGY + "#";
    private static final Path CATALOG = Fixtures.REAL_PROJECT.resolve("ontology/catalog-v001.xml");
    private static final Path CONTEXT = Fixtures.REAL_PROJECT.resolve(JsonLdWithContext.CONTEXT_FILE);

    private static LoadedKnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void theCatalogMapsTheOntologyAndItsVersionToTheFile() throws Exception {
        Model ontology = RDFDataMgr.loadModel("ontology/parley.ttl");
        String versionIri = ontology.getResource(ONTOLOGY)
                .getPropertyResourceValue(OWL2.versionIRI).getURI();
        Map<IRI, IRI> mappings = CatalogIriMapper.read(CATALOG).mappings();
        IRI file = IRI.create(Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl").toUri());
        assertEquals(Map.of(IRI.create(ONTOLOGY), file, IRI.create(versionIri), file), mappings);
    }

    @Test
    void theRdfXmlExportOpensInTheOwlApiWithTheImportResolvedOffline(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("parley.rdf");
        try (OutputStream out = Files.newOutputStream(export)) {
            KnowledgeBaseExporter.write(kb, ExportFormat.RDFXML, out);
        }

        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        CatalogIriMapper catalog = CatalogIriMapper.read(CATALOG);
        // Every IRI the OWL API looks up goes through here: anything the catalog does not map would
        // be fetched from the network, so it is recorded and the test fails.
        List<IRI> unmapped = new ArrayList<>();
        manager.getIRIMappers().clear();
        manager.getIRIMappers().add(iri -> {
            IRI document = catalog.getDocumentIRI(iri);
            if (document == null) {
                unmapped.add(iri);
            }
            return document;
        });
        OWLOntologyLoaderConfiguration strict = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
        OWLOntology data = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(export.toFile()), strict);

        assertEquals(List.of(), unmapped, "only catalog IRIs are looked up, so nothing is fetched");
        OWLOntology imported = manager.getOntology(IRI.create(ONTOLOGY));
        assertTrue(imported != null, "the import is loaded");
        assertEquals(IRI.create(Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl").toUri()),
                manager.getOntologyDocumentIRI(imported));
        assertEquals(Set.of(data, imported), data.importsClosure().collect(java.util.stream.Collectors.toSet()));

        // The closure holds the ontology's classes; the export alone declares none of them.
        for (String name : List.of("Position", "Claim", "Actor", "Report", "TermType")) {
            var cls = manager.getOWLDataFactory().getOWLClass(IRI.create(PARLEY + name));
            assertTrue(data.containsClassInSignature(cls.getIRI(), Imports.INCLUDED), name + " in the closure");
            assertFalse(data.declarationAxioms(cls).findAny().isPresent(), name + " is declared by the import, not the export");
        }
        var hamas = manager.getOWLDataFactory().getOWLNamedIndividual(IRI.create("https://w3id.org/parley/kb/Hamas"));
        assertTrue(data.classAssertionAxioms(hamas).anyMatch(axiom -> axiom.getClassExpression().asOWLClass()
                .getIRI().toString().equals(PARLEY + "ArmedGroup")), "kb:Hamas a parley:ArmedGroup");
    }

    @Test
    void aJsonLdExportWithTheContextReadsBackAsTheSameGraph() throws Exception {
        Graph curated = Txn.calculateRead(kb.datasetGraph(), () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            KnowledgeBaseExporter.mergedData(kb.datasetGraph()).find().forEachRemaining(copy::add);
            return copy;
        });
        String json = JsonLdWithContext.write(curated, CONTEXT);

        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.fromString(json, Lang.JSONLD).parse(back);
        assertEquals(curated.size(), back.size());
        assertTrue(curated.isIsomorphicWith(back), "the JSON-LD reads back as the same graph");

        // The context was used: short keys, and "@context" first.
        JsonObject document = Json.createReader(new StringReader(json)).readObject();
        assertEquals("@context", document.keySet().iterator().next());
        JsonObject hamasPosition = document.getJsonArray("@graph").stream().map(JsonValue::asJsonObject)
                .filter(node -> node.getString("@id", "").equals("kb:c003-02")).findFirst().orElseThrow();
        assertEquals("kb:Hamas", hamasPosition.getString("hasParty"));
        assertEquals("parley:demand", hamasPosition.getString("hasStance"));
        assertEquals("Position", hamasPosition.getString("@type"));
    }

    @Test
    void theContextNamesEveryParleyClassAndPropertyWithTheRightType() throws Exception {
        JsonObject context = Json.createReader(Files.newBufferedReader(CONTEXT)).readObject().getJsonObject("@context");
        Model ontology = RDFDataMgr.loadModel("ontology/parley.ttl");
        Set<String> missing = new TreeSet<>();
        for (var kind : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
            for (var term : ontology.listSubjectsWithProperty(RDF.type, kind).toList()) {
                if (!term.isURIResource() || !term.getURI().startsWith(PARLEY)) {
                    continue;
                }
                String name = term.getLocalName();
                JsonValue definition = context.get(name);
                if (definition == null) {
                    missing.add(name);
                    continue;
                }
                String id = definition.getValueType() == JsonValue.ValueType.STRING
                        ? context.getString(name) : definition.asJsonObject().getString("@id");
                assertEquals("parley:" + name, id, name);
                if (kind.equals(OWL.ObjectProperty)) {
                    assertEquals("@id", definition.asJsonObject().getString("@type"), name + " takes IRIs");
                }
                if (kind.equals(OWL.DatatypeProperty)) {
                    String range = term.getPropertyResourceValue(RDFS.range).getLocalName();
                    String type = definition.getValueType() == JsonValue.ValueType.STRING
                            ? "string" : definition.asJsonObject().getString("@type").substring("xsd:".length());
                    assertEquals(range, type, name + " has the ontology's range");
                }
            }
        }
        assertEquals(Set.of(), missing, "ontology terms without a context term");
    }
}
