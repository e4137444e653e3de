package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/** The repository's own knowledge base loads, with every report's text and nothing left out. */
class RealKnowledgeBaseTest {

    /** The five source reports of the corpus. */
    private static final List<String> REPORT_IDS = List.of("000_0778579edb871b80", "001_9922d820d04270db",
            "002_1e8011b04060517d", "003_5eda140543b3a4aa", "004_9ec5f3f7bbeb20d9");

    private static LoadedKnowledgeBase kb;

    @BeforeAll
    static void load() throws LoadException {
        kb = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void everyReportTextIsInItsGraphVerbatim() throws Exception {
        DatasetGraph dsg = kb.datasetGraph();
        for (String id : REPORT_IDS) {
            String text = Files.readString(Fixtures.REAL_PROJECT.resolve("data/reports/" + id + ".txt"),
                    StandardCharsets.UTF_8);
            Txn.executeRead(dsg, () -> assertTrue(dsg.contains(KbNames.graph(id), KbNames.report(id), Parley.fullText.asNode(),
                    NodeFactory.createLiteralString(text)), id));
        }
    }

    @Test
    void everyDataFileIsANonEmptyGraph() throws Exception {
        List<Path> dataFiles = ProjectLayout.at(Fixtures.REAL_PROJECT).dataFiles();
        Map<String, Long> sizes = kb.graphSizes();

        // One graph per data file, plus the ontology, the shared entailments and each report's.
        long reports = ProjectLayout.at(Fixtures.REAL_PROJECT).reportTextFiles().size();
        assertEquals(dataFiles.size() + 2 + reports, sizes.size(), sizes.toString());
        for (Path file : dataFiles) {
            String graph = KbNames.graph(ProjectLayout.baseName(file)).getURI();
            assertTrue(sizes.getOrDefault(graph, 0L) > 0, graph + " is empty or missing");
        }
        assertTrue(sizes.get(KbNames.ENTAILMENTS_GRAPH.getURI()) > 0);
    }
}
