package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class Tdb2LoadTest {

    @TempDir
    Path dir;

    @Test
    void loadedDatabaseHoldsWhatTheInMemoryLoadHolds() throws Exception {
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(Fixtures.validProject(), db);

        Map<String, Long> inMemory;
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            inMemory = kb.graphSizes();
        }
        try (LoadedKnowledgeBase opened = KnowledgeBaseLoader.openTdb2(db)) {
            assertEquals(inMemory, opened.graphSizes());
            // The default graph is the union on disk too.
            long rows = Txn.calculateRead(opened.datasetGraph(), () -> QueryExec.dataset(opened.datasetGraph())
                    .query("ASK { ?c a <https://w3id.org/parley/ontology#Claim> }").ask() ? 1L : 0L);
            assertEquals(1L, rows);
        }
    }

    @Test
    void reloadingReplacesInsteadOfDuplicating() throws Exception {
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(Fixtures.validProject(), db);
        KnowledgeBaseLoader.loadIntoTdb2(Fixtures.validProject(), db);

        long once;
        try (LoadedKnowledgeBase inMemory = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            once = inMemory.tripleCount();
        }
        try (LoadedKnowledgeBase opened = KnowledgeBaseLoader.openTdb2(db)) {
            assertEquals(once, opened.tripleCount());
        }
    }

    @Test
    void failedLoadLeavesTheDatabaseAsItWas() throws Exception {
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(Fixtures.validProject(), db);
        Dataset before = snapshot(db);

        Path broken = Fixtures.brokenProject("excerpt-wrong-offsets", Files.createDirectory(dir.resolve("broken")));
        assertThrows(LoadException.class, () -> KnowledgeBaseLoader.loadIntoTdb2(broken, db));

        Dataset after = snapshot(db);
        assertTrue(IsoMatcher.isomorphic(before.asDatasetGraph(), after.asDatasetGraph()),
                "the database changed after a failed load");
    }

    @Test
    void openingAMissingDatabaseFails() {
        LoadException failure = assertThrows(LoadException.class,
                () -> KnowledgeBaseLoader.openTdb2(dir.resolve("nothing-here")));

        assertEquals("tdb2-database", failure.problems().get(0).rule());
    }

    @Test
    void refusesToWriteIntoAnUnrelatedNonEmptyDirectory() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "precious");

        assertThrows(LoadException.class, () -> KnowledgeBaseLoader.loadIntoTdb2(Fixtures.validProject(), dir));
        assertEquals("precious", Files.readString(dir.resolve("notes.txt")));
    }

    /** A copy in memory of everything in the database (the database is released after). */
    private static Dataset snapshot(Path db) throws LoadException {
        try (LoadedKnowledgeBase opened = KnowledgeBaseLoader.openTdb2(db)) {
            Dataset copy = DatasetFactory.create();
            Txn.executeRead(opened.datasetGraph(), () -> opened.datasetGraph().find()
                    .forEachRemaining(copy.asDatasetGraph()::add));
            return copy;
        }
    }
}
