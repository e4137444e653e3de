package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.vocab.KbNames;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.semanticweb.owlapi.util.SimpleIRIMapper;

class ExportCommandTest {

    private static final String ROOT = Fixtures.validProject().toString();
    private static final Node CLAIM_001_1 = NodeFactory.createURI("https://w3id.org/parley/kb/claim/001-1");

    @TempDir
    Path dir;

    @Test
    void trigRoundTripsToTheLoadedNamedGraphs() throws Exception {
        Cli.Run run = Cli.run("export", "--root", ROOT);

        assertEquals(0, run.exitCode(), run.err());
        assertRoundTrips(parse(run.out(), Lang.TRIG));
    }

    @Test
    void nquadsAndJsonLdKeepTheNamedGraphsToo() throws Exception {
        for (String format : new String[] {"nquads", "jsonld"}) {
            Cli.Run run = Cli.run("export", "--root", ROOT, "--format", format);
            assertEquals(0, run.exitCode(), format + ": " + run.err());
            assertRoundTrips(parse(run.out(), format.equals("nquads") ? Lang.NQUADS : Lang.JSONLD));
        }
    }

    @Test
    void turtleIsTheCuratedDataUnderAnOntologyHeader() throws Exception {
        Path file = dir.resolve("kb.ttl");

        Cli.Run run = Cli.run("export", "--root", ROOT, "--format", "turtle", "--out", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        Graph exported = GraphFactory.createDefaultGraph();
        RDFParser.source(file).lang(Lang.TURTLE).parse(exported);
        Node header = NodeFactory.createURI("https://w3id.org/parley/kb");
        assertTrue(exported.contains(header, RDF.type.asNode(), OWL.Ontology.asNode()));
        assertTrue(exported.contains(header, OWL.imports.asNode(), NodeFactory.createURI("https://w3id.org/parley/ontology")));
        // Curated data and report texts in; ontology and entailments out, but for the three claims'
        // readable labels. 31 + 17 + 14 data triples + 3 labels + 7 header (type, import, title,
        // description, licence, version, creation date).
        assertEquals(72, exported.size());
        for (Node property : List.of(DCTerms.title.asNode(), DCTerms.description.asNode(), DCTerms.license.asNode(),
                OWL.versionInfo.asNode(), DCTerms.created.asNode())) {
            assertTrue(exported.find(header, property, Node.ANY).hasNext(), "the header has " + property);
        }
        // The version is the ontology's own, as ontology/parley.ttl states it.
        Graph ontology = RDFParser.source(Path.of(ROOT, "ontology/parley.ttl")).toGraph();
        Node ontologyVersion = ontology.find(NodeFactory.createURI("https://w3id.org/parley/ontology"),
                OWL.versionInfo.asNode(), Node.ANY).next().getObject();
        assertEquals(List.of(ontologyVersion), exported.find(header, OWL.versionInfo.asNode(), Node.ANY)
                .mapWith(t -> t.getObject()).toList());
        assertTrue(exported.contains(CLAIM_001_1, RDFS.label.asNode(),
                NodeFactory.createLiteralLang("Hamas refusal: a complete end to the war (report 001, 001-1)", "en")));
        assertTrue(exported.contains(CLAIM_001_1, RDF.type.asNode(),
                NodeFactory.createURI("https://w3id.org/parley/ontology#Position")));
        assertFalse(exported.contains(CLAIM_001_1, RDF.type.asNode(),
                NodeFactory.createURI("https://w3id.org/parley/ontology#Claim")), "an entailment leaked in");
    }

    @Test
    void turtleOpensInTheOwlApiOverTheImportedOntology() throws Exception {
        Path file = dir.resolve("kb.ttl");
        assertEquals(0, Cli.run("export", "--root", ROOT, "--format", "turtle", "--out", file.toString()).exitCode());

        // As Protégé with a catalog entry: the import resolves to the project's ontology file.
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        manager.getIRIMappers().add(new SimpleIRIMapper(IRI.create("https://w3id.org/parley/ontology"),
                IRI.create(Fixtures.validProject().resolve("ontology/parley.ttl").toFile())));
        OWLOntology exported = manager.loadOntologyFromOntologyDocument(file.toFile());

        assertEquals(2, exported.importsClosure().count());
        assertTrue(new OWL2DLProfile().checkOntology(exported).isInProfile());
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(exported);
        try {
            assertTrue(reasoner.isConsistent());
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void rdfXmlHoldsTheSameMergedGraph() throws Exception {
        Cli.Run turtle = Cli.run("export", "--root", ROOT, "--format", "turtle");
        Cli.Run rdfxml = Cli.run("export", "--root", ROOT, "--format", "rdfxml");

        assertEquals(0, rdfxml.exitCode(), rdfxml.err());
        Graph fromTurtle = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle.out(), Lang.TURTLE).parse(fromTurtle);
        Graph fromXml = GraphFactory.createDefaultGraph();
        RDFParser.fromString(rdfxml.out(), Lang.RDFXML).parse(fromXml);
        assertTrue(fromTurtle.isIsomorphicWith(fromXml));
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli.Run run = Cli.run("export", "--root", ROOT, "--format", "csv");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
    }

    @Test
    void invalidDataIsNotExported() {
        Path project = Fixtures.brokenProject("excerpt-wrong-offsets", dir);

        Cli.Run run = Cli.run("export", "--root", project.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("found at 135-174"), run.err());
    }

    private static DatasetGraph parse(String text, Lang lang) {
        DatasetGraph parsed = DatasetFactory.create().asDatasetGraph();
        RDFParser.fromString(text, lang).parse(parsed);
        return parsed;
    }

    /**
     * Same named graphs, each isomorphic, blank nodes shared across graphs included; plus the
     * dataset's VoID description, which the export adds in a graph of its own.
     */
    private static void assertRoundTrips(DatasetGraph exported) throws Exception {
        assertTrue(exported.containsGraph(KbNames.VOID_GRAPH), "the export carries its VoID description");
        assertFalse(exported.getGraph(KbNames.VOID_GRAPH).isEmpty());
        exported.removeGraph(KbNames.VOID_GRAPH);
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            DatasetGraph loaded = kb.datasetGraph();
            Txn.executeRead(loaded, () -> {
                DatasetGraph copy = DatasetFactory.create().asDatasetGraph();
                loaded.find().forEachRemaining(copy::add);
                assertTrue(IsoMatcher.isomorphic(copy, exported), "export differs from the loaded knowledge base");
                assertTrue(exported.containsGraph(KbNames.ENTAILMENTS_GRAPH));
                assertTrue(exported.getDefaultGraph().isEmpty());
            });
        }
    }
}
