package org.parley.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.load.LoadException;
import org.parley.load.ProjectValidator;
import org.parley.validate.ValidationReport;

/** The generator writes a valid project, the same bytes for the same seed, and never over other files. */
class CorpusGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void aGeneratedProjectPassesEveryCheckOfValidate() throws Exception {
        Path corpus = temp.resolve("three");
        CorpusGenerator.Summary summary = CorpusGenerator.generate(Path.of("."), corpus, 3, 42);
        assertEquals(3, summary.reports());
        // Every check parley validate runs: the load checks (excerpts at their offsets, SHACL ...), term
        // annotations, the Wikidata links against docs/wikidata-ids.md, OWL 2 DL and HermiT.
        ValidationReport report = ProjectValidator.validate(corpus);
        assertTrue(report.passed(), () -> report.problems().toString());
        assertEquals(List.of(), report.problems());
    }

    @Test
    void reportsAreNamedAndPairedAsTheRealOnes() throws Exception {
        Path corpus = temp.resolve("ids");
        CorpusGenerator.generate(Path.of("."), corpus, 12, 5);
        List<String> texts = names(corpus.resolve("data/reports"), ".txt");
        assertEquals(12, texts.size());
        for (String id : texts) {
            assertTrue(id.matches("\\d{5}_[0-9a-f]{16}"), id);
            assertTrue(Files.isRegularFile(corpus.resolve("data/" + id + ".ttl")), id);
        }
        for (String shared : List.of("actors", "cameo", "terms")) {
            assertTrue(Files.isRegularFile(corpus.resolve("data/" + shared + ".ttl")), shared);
        }
        // The shared graphs are the real ones with additions: the real text comes first, unchanged.
        assertTrue(Files.readString(corpus.resolve("data/actors.ttl")).startsWith(Files.readString(Path.of("data/actors.ttl"))));
        assertArrayEquals(Files.readAllBytes(Path.of("data/cameo.ttl")), Files.readAllBytes(corpus.resolve("data/cameo.ttl")));
        assertTrue(Files.isRegularFile(corpus.resolve("ontology/parley.ttl")));
        assertTrue(Files.isRegularFile(corpus.resolve("queries/positions.rq")));
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherReports() throws Exception {
        Map<String, byte[]> first = contents(generate("a", 4, 7));
        Map<String, byte[]> again = contents(generate("b", 4, 7));
        assertEquals(first.keySet(), again.keySet());
        first.forEach((file, bytes) -> assertArrayEquals(bytes, again.get(file), file));

        Map<String, byte[]> other = contents(generate("c", 4, 8));
        assertNotEquals(first.keySet(), other.keySet(), "another seed gives other report ids");
        String someText = first.keySet().stream().filter(f -> f.startsWith("data/reports/")).findFirst().orElseThrow();
        assertFalse(other.values().stream().anyMatch(bytes -> java.util.Arrays.equals(bytes, first.get(someText))),
                "another seed gives other report texts");
    }

    @Test
    void refusesADirectoryThatHoldsFiles() throws Exception {
        Path busy = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        LoadException refused = assertThrows(LoadException.class, () -> CorpusGenerator.generate(Path.of("."), busy, 2, 1));
        assertTrue(refused.problems().get(0).message().contains("not empty"), refused.problems().toString());
        assertEquals(List.of("notes.txt"), names(busy, ""));
    }

    private Path generate(String name, int reports, long seed) throws Exception {
        Path out = temp.resolve(name);
        CorpusGenerator.generate(Path.of("."), out, reports, seed);
        return out;
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static List<String> names(Path dir, String extension) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(extension))
                    .map(f -> f.substring(0, f.length() - extension.length())).sorted().toList();
        }
    }
}
