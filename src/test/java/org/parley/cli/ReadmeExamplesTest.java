package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example questions stay true: each ```sparql block is run with
 * {@code parley query FILE.rq} against the real knowledge base, and what it prints must be the
 * ```text block that follows it.
 */
class ReadmeExamplesTest {

    @TempDir
    Path dir;

    /** A query shown in the README and the output shown under it. */
    record Example(String query, String output) {}

    static List<Example> examples(String readme) {
        List<Example> examples = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("```sparql")) {
                StringBuilder query = new StringBuilder();
                for (i++; !lines[i].equals("```"); i++) {
                    query.append(lines[i]).append('\n');
                }
                while (!lines[i].equals("```text")) {
                    i++;
                }
                StringBuilder output = new StringBuilder();
                for (i++; !lines[i].equals("```"); i++) {
                    output.append(lines[i]).append('\n');
                }
                examples.add(new Example(query.toString(), output.toString()));
            }
        }
        return examples;
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeQueryPrintsTheOutputShown() throws Exception {
        List<Example> examples = examples(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertFalse(examples.isEmpty(), "the README shows example queries");
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.query().lines()
                .filter(l -> l.startsWith("SELECT")).findFirst().orElse("query"), () -> {
            Path file = Files.createTempFile(dir, "readme", ".rq");
            Files.writeString(file, example.query(), StandardCharsets.UTF_8);
            Cli.Run run = Cli.run("query", file.toString(), "--root", ".");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(example.output(), run.out().replace("\r\n", "\n"),
                    "README output differs from what the query prints now");
        }));
    }
}
