package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.riot.RDFParser;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

class KnowledgeBaseLoaderTest {

    private static final String GRAPH = KbNames.GRAPH_BASE;
    private static final String KB = "https://w3id.org/parley/kb/";

    @TempDir
    Path dir;

    @Test
    void loadsEveryFileIntoItsNamedGraph() throws Exception {
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            // Counted by hand from the fixture files; each report graph also holds its fullText. The
            // ontology graph is the real ontology file as parsed; the entailments are checked below.
            long ontologyTriples = RDFParser.source(Fixtures.REAL_PROJECT.resolve("ontology/parley.ttl")).toGraph().size();
            Map<String, Long> sizes = kb.graphSizes();
            // Each report's entailments in a graph of their own, to be replaced with the report.
            assertEquals(Set.of(GRAPH + "001_aaaaaaaaaaaaaaaa", GRAPH + "002_bbbbbbbbbbbbbbbb", GRAPH + "actors",
                    GRAPH + "entailments", GRAPH + "entailments/001_aaaaaaaaaaaaaaaa",
                    GRAPH + "entailments/002_bbbbbbbbbbbbbbbb", GRAPH + "ontology"), sizes.keySet());
            assertEquals(31L, sizes.get(GRAPH + "001_aaaaaaaaaaaaaaaa"));
            assertEquals(17L, sizes.get(GRAPH + "002_bbbbbbbbbbbbbbbb"));
            assertEquals(14L, sizes.get(GRAPH + "actors"));
            assertEquals(ontologyTriples, sizes.get(GRAPH + "ontology"));
            assertEquals(sizes.values().stream().mapToLong(Long::longValue).sum(), kb.tripleCount());
        }
    }

    @Test
    void addsTheExactReportTextToTheReportsGraph() throws Exception {
        String text = Files.readString(Fixtures.validProject().resolve("data/reports/001_aaaaaaaaaaaaaaaa.txt"));
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            DatasetGraph dsg = kb.datasetGraph();
            Txn.executeRead(dsg, () -> assertTrue(dsg.contains(KbNames.graph("001_aaaaaaaaaaaaaaaa"),
                    KbNames.report("001_aaaaaaaaaaaaaaaa"), Parley.fullText.asNode(), NodeFactory.createLiteralString(text))));
        }
    }

    @Test
    void materialisesRdfsAndInverseEntailmentsOnlyOnce() throws Exception {
        Node claim = Parley.Claim.asNode();
        Node actor = Parley.Actor.asNode();
        Node selector = uri("http://www.w3.org/ns/oa#TextQuoteSelector");
        Set<Triple> expectedNamed = Set.of(
                Triple.create(uri(KB + "claim/001-1"), RDF.type.asNode(), claim),
                Triple.create(uri(KB + "claim/001-2"), RDF.type.asNode(), claim),
                Triple.create(uri(KB + "claim/002-1"), RDF.type.asNode(), claim),
                Triple.create(uri(KB + "actor/hamas"), RDF.type.asNode(), actor),
                Triple.create(uri(KB + "actor/israel"), RDF.type.asNode(), actor),
                Triple.create(uri(KB + "actor/qatar"), RDF.type.asNode(), actor),
                Triple.create(uri(KB + "claim/001-2"), Parley.supersededBy.asNode(), uri(KB + "claim/002-1")));

        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            DatasetGraph dsg = kb.datasetGraph();
            Txn.executeRead(dsg, () -> {
                // The shared files' entailments and each report's, in their graphs.
                List<Triple> all = new java.util.ArrayList<>();
                dsg.listGraphNodes().forEachRemaining(name -> {
                    if (KbNames.isEntailmentGraph(name)) {
                        List<Triple> entailed = dsg.getGraph(name).find().toList();
                        all.addAll(entailed);
                        // None states what its own part (the report, or the shared files and ontology) states.
                        String report = name.getURI().substring(KbNames.ENTAILMENTS_GRAPH.getURI().length());
                        for (Triple triple : entailed) {
                            assertFalse(dsg.contains(KbNames.ONTOLOGY_GRAPH, triple.getSubject(), triple.getPredicate(), triple.getObject()), triple.toString());
                            assertFalse(dsg.contains(KbNames.graph("actors"), triple.getSubject(), triple.getPredicate(), triple.getObject()), triple.toString());
                            if (!report.isEmpty()) {
                                assertFalse(dsg.contains(KbNames.graph(report.substring(1)), triple.getSubject(), triple.getPredicate(),
                                        triple.getObject()), triple.toString());
                            }
                        }
                    }
                });
                Set<Triple> aboutNamed = all.stream().filter(t -> t.getSubject().isURI()).collect(Collectors.toSet());
                // The real ontology adds its superclasses (prov:Entity, foaf:Agent, ...) besides these.
                assertTrue(aboutNamed.containsAll(expectedNamed), aboutNamed.toString());
                // The three excerpts (blank nodes) are selectors through parley:Excerpt's superclass.
                assertEquals(3, all.stream().filter(t -> t.getSubject().isBlank()
                        && t.getObject().equals(selector)).count());
                // A report's entailments are worked out from it alone (so that it can be replaced on
                // its own): one may repeat what another report states (002's "001-2 supersededBy"
                // makes 001-2 a position, as 001 says), which the union default graph shows once.
                assertTrue(dsg.contains(KbNames.entailmentsOf("002_bbbbbbbbbbbbbbbb"), uri(KB + "claim/001-2"),
                        RDF.type.asNode(), Parley.Position.asNode()));
            });
        }
    }

    @Test
    void sparqlDefaultGraphIsTheUnionSoNoReasonerIsNeeded() throws Exception {
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            DatasetGraph dsg = kb.datasetGraph();
            String claims = Txn.calculateRead(dsg, () -> QueryExec.dataset(dsg)
                    .query("SELECT (COUNT(?c) AS ?n) { ?c a <" + Parley.NS + "Claim> }")
                    .select().next().get("n").getLiteralLexicalForm());
            assertEquals("3", claims);
        }
    }

    @Test
    void malformedTurtleNamesFileAndLine() {
        Path project = Fixtures.brokenProject("malformed-turtle", dir);

        LoadException failure = assertThrows(LoadException.class, () -> KnowledgeBaseLoader.load(project));

        assertEquals(1, failure.problems().size(), failure.problems().toString());
        Problem problem = failure.problems().get(0);
        assertEquals("turtle-syntax", problem.rule());
        assertTrue(problem.location().startsWith("data/002_bbbbbbbbbbbbbbbb.ttl:15:"), problem.location());
        assertTrue(problem.message().contains("actr"), problem.message());
    }

    @Test
    void claimWithoutReportIsRejectedNamingTheClaimAndRule() {
        Path project = Fixtures.brokenProject("claim-missing-report", dir);

        LoadException failure = assertThrows(LoadException.class, () -> KnowledgeBaseLoader.load(project));

        assertTrue(failure.problems().stream().anyMatch(p -> p.rule().equals("shacl")
                && p.message().startsWith("parley:inReport: ")
                && p.location().contains("<https://w3id.org/parley/kb/claim/001-2>")), failure.problems().toString());
        assertTrue(failure.getMessage().contains("claim/001-2"), failure.getMessage());
    }

    @Test
    void claimWithoutExcerptIsRejected() {
        Path project = Fixtures.brokenProject("claim-missing-excerpt", dir);

        LoadException failure = assertThrows(LoadException.class, () -> KnowledgeBaseLoader.load(project));

        assertTrue(failure.problems().stream().anyMatch(p -> p.rule().equals("shacl")
                && p.message().startsWith("parley:hasExcerpt: ") && p.location().contains("claim/001-2")),
                failure.problems().toString());
    }

    @Test
    void excerptAtWrongOffsetsIsRejectedWithTheRightOffsets() {
        Path project = Fixtures.brokenProject("excerpt-wrong-offsets", dir);

        LoadException failure = assertThrows(LoadException.class, () -> KnowledgeBaseLoader.load(project));

        assertEquals(1, failure.problems().size(), failure.problems().toString());
        assertTrue(failure.problems().get(0).hint().contains("found at 135-174"));
    }

    @Test
    void everyBrokenFixtureIsRejectedExceptThoseOnlyOwlFinds() throws Exception {
        // undeclared-class is valid RDF that only the OWL checks of `validate` reject; inconsistent-data is
        // rejected at load too now that the fixture runs the real shapes (hostages and prisoners have
        // holders of different kinds).
        Set<String> onlyOwl = Set.of("undeclared-class");
        try (var fixtures = Files.list(Fixtures.FIXTURES.resolve("broken"))) {
            for (Path fixture : fixtures.sorted().toList()) {
                String name = fixture.getFileName().toString();
                Path project = Fixtures.brokenProject(name, Files.createDirectory(dir.resolve(name)));
                if (onlyOwl.contains(name)) {
                    KnowledgeBaseLoader.load(project).close();
                } else {
                    assertThrows(LoadException.class, () -> KnowledgeBaseLoader.load(project), name);
                }
            }
        }
    }

    @Test
    void directoryWithoutOntologyIsNotAProject() {
        LoadException failure = assertThrows(LoadException.class, () -> KnowledgeBaseLoader.load(dir));

        assertEquals("project-root", failure.problems().get(0).rule());
        assertTrue(failure.problems().get(0).hint().contains("--root"));
    }

    @Test
    void dataFileMayNotTakeAReservedGraphName() throws Exception {
        Path project = Fixtures.copyOfValidProject(dir);
        Files.writeString(project.resolve("data/entailments.ttl"), "");

        LoadException failure = assertThrows(LoadException.class, () -> KnowledgeBaseLoader.load(project));

        assertEquals("data/entailments.ttl", failure.problems().get(0).location());
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
