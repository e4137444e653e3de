package org.parley.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.search.ParleyTextIndex;
import org.parley.serve.ParleyServer;
import org.parley.serve.ServeOptions;

/**
 * Every page test of {@link PagesOverHttpTest}, over the bundled project loaded into a TDB2
 * database on disk and served as {@code serve --db} serves it: the pages read the database where
 * it lies, and search (the page and {@code text:query}) uses the on-disk full-text index built
 * beside it ({@code DB/text-index}), opened without being rebuilt.
 */
class PagesOverTdb2Test extends PagesOverHttpTest {

    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("parley-pages-tdb2");
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(Path.of("."), db);
        kb = KnowledgeBaseLoader.openTdb2(db);
        long entries = ParleyTextIndex.build(kb.datasetGraph(), db.resolve("text-index"));
        assertTrue(entries > 100, "the index holds the labels and quotes (" + entries + ")");
        server = ParleyServer.start(kb.datasetGraph(), db.resolve("text-index"), ServeOptions.builder().host("127.0.0.1")
                .port(0).queriesDir(Path.of("queries")).build());
    }

    @AfterAll
    static void stop() {
        PagesOverHttpTest.stop();
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void theIndexIsTheOneOnDiskAndIsReleasedWhenTheServerStops() throws Exception {
        // Lucene's write lock is held while the server runs, and let go when it stops: a second
        // server over the same database can then open the same index (a restart).
        Path index = dir.resolve("db").resolve("text-index");
        assertTrue(Files.exists(index.resolve("write.lock")), "the server opened the index on disk");
        ParleyServer first = server;
        first.stop();
        server = ParleyServer.start(kb.datasetGraph(), index, ServeOptions.builder().host("127.0.0.1").port(0)
                .queriesDir(Path.of("queries")).build());
        String html = page("/search?q=guarantees").body();
        assertTrue(html.contains("href=\"/kb/t004-us-guarantees-permanent-end\""), "search after a restart");
        assertFalse(first.isRunning());
        assertEquals(200, get("/", HTML).statusCode());
    }
}
