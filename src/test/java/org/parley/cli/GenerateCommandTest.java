package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheCorpusAndSaysWhat() throws Exception {
        Path out = temp.resolve("corpus");
        Cli.Run run = Cli.run("generate", "--reports", "2", "--seed", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("parley generate: 2 reports, "), run.out());
        assertTrue(run.out().contains("(seed 3)"), run.out());
        try (var texts = Files.list(out.resolve("data/reports"))) {
            assertEquals(2, texts.count());
        }
    }

    @Test
    void aBusyDirectoryIsAOneLineError() throws Exception {
        Path out = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Cli.Run run = Cli.run("generate", "--reports", "2", "--out", out.toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.errLines().get(0).contains("not empty"), run.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void reportsMustBeGiven() {
        Cli.Run run = Cli.run("generate", "--out", temp.resolve("x").toString());
        assertEquals(2, run.exitCode());
    }
}
