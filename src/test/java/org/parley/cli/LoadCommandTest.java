package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

class LoadCommandTest {

    @TempDir
    Path dir;

    @Test
    void loadsAndPrintsTheCounts() throws Exception {
        Path db = dir.resolve("db");

        Cli.Run run = Cli.run("load", "--db", db.toString(), "--root", Fixtures.validProject().toString());

        assertEquals(0, run.exitCode(), run.err());
        // 30 triples in the file, and the report's text.
        assertTrue(run.out().contains("      31  https://w3id.org/parley/graph/001_aaaaaaaaaaaaaaaa"), run.out());
        long triples;
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Fixtures.validProject())) {
            triples = kb.tripleCount();
        }
        assertTrue(run.out().contains("parley load: " + triples + " triples in 7 graphs loaded into "
                + db), run.out());
        // The one-line summary: two reports, every quad written.
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT, "2 reports (%,d quads) written in ", triples)), run.out());
    }

    @Test
    void failedLoadLeavesTheDatabaseUnchanged() throws Exception {
        Path db = dir.resolve("db");
        assertEquals(0, Cli.run("load", "--db", db.toString(), "--root", Fixtures.validProject().toString()).exitCode());
        Map<String, Long> before = sizes(db);
        Path broken = Fixtures.brokenProject("malformed-turtle", Files.createDirectory(dir.resolve("broken")));

        Cli.Run run = Cli.run("load", "--db", db.toString(), "--root", broken.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.errLines().get(0).startsWith("error: data/002_bbbbbbbbbbbbbbbb.ttl:15:"), run.err());
        assertEquals(before, sizes(db));
    }

    @Test
    void dbIsRequired() {
        Cli.Run run = Cli.run("load", "--root", Fixtures.validProject().toString());

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
    }

    private static Map<String, Long> sizes(Path db) throws Exception {
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.openTdb2(db)) {
            return kb.graphSizes();
        }
    }
}
