package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.Mutations;
import org.parley.validate.Problem;

/**
 * Seeded fuzzing of the loader: one data file of a copy of the real project is mutated (bytes
 * overwritten, runs deleted or duplicated, cut short, Turtle tokens inserted) and the project
 * loaded with {@link KnowledgeBaseLoader#load}. Each case must either load, or fail with a
 * {@link LoadException} whose problems say where: a syntax error names the mutated file and its
 * line, any other problem a file of the project. Never another exception, never a hang (each
 * load runs under a hang guard, which is not a speed).
 */
class TurtleFuzzTest {

    private static final long SEED = 7_2026_11_25L;
    private static final int CASES = 40;
    private static final int HANG_GUARD_SECONDS = 120;

    private static final List<String> TURTLE_TOKENS = List.of("<", ">", "\"", "\"\"\"", "'", ".", ";", ",", "[", "]",
            "(", ")", "^^", "^^<http://www.w3.org/2001/XMLSchema#integer>", "@en", "@", "_:b0", "a", "@prefix x: <",
            "PREFIX : <http://example.org/>", "@base <", "\\", "\\u00", "\\U0010FFFF", "\\uD800", "#", "\n", "\r",
            "\u0000", "\uFEFF", "\uFFFF", "é", "𝄞", "1e999", "\"x\"^^xsd:date", "true", "-", ":", "parley:");

    /** {@code data/NAME.ttl:LINE} or {@code data/NAME.ttl:LINE:COLUMN}. */
    private static final Pattern FILE_AND_LINE = Pattern.compile("data/[^:]+\\.ttl:\\d+(:\\d+)?");

    @Test
    void mutatedTurtleLoadsOrFailsWithProblemsThatSayWhere(@TempDir Path dir) throws Exception {
        Path root = Fixtures.copyOfRealProject(dir);
        List<Path> dataFiles;
        try (Stream<Path> files = Files.list(root.resolve("data"))) {
            dataFiles = files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList();
        }
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-load");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < CASES; i++) {
                Path file = dataFiles.get(random.nextInt(dataFiles.size()));
                String shown = "data/" + file.getFileName();
                byte[] original = Files.readAllBytes(file);
                byte[] mutated = Mutations.mutate(new String(original, java.nio.charset.StandardCharsets.UTF_8), random,
                        TURTLE_TOKENS);
                Files.write(file, mutated);
                try {
                    String outcome = loadOnce(loader, root, shown, failures, i);
                    outcomes.merge(outcome, 1, Integer::sum);
                } finally {
                    Files.write(file, original);
                }
            }
        } finally {
            loader.shutdownNow();
        }
        System.out.println("fuzz, mutated Turtle: " + CASES + " cases (seed " + SEED + "), outcomes " + outcomes
                + ", problems " + failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + CASES + " mutated projects went wrong:\n"
                + String.join("\n", failures));
    }

    /** Loads once under the hang guard; returns a word for the outcome, adds to failures what is wrong. */
    private static String loadOnce(ExecutorService loader, Path root, String shown, List<String> failures, int number)
            throws InterruptedException, IOException {
        Future<LoadedKnowledgeBase> load = loader.submit(() -> KnowledgeBaseLoader.load(root));
        try {
            load.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).close();
            return "loaded";
        } catch (TimeoutException hang) {
            load.cancel(true);
            failures.add("#" + number + " " + shown + ": no answer after " + HANG_GUARD_SECONDS + " s");
            return "hang";
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof LoadException refused)) {
                failures.add("#" + number + " " + shown + ": " + e.getCause());
                return "other exception";
            }
            String problem = whatIsWrong(refused, shown);
            if (problem != null) {
                failures.add("#" + number + " " + shown + ": " + problem);
            }
            boolean syntax = refused.problems().stream().anyMatch(p -> p.rule().equals("turtle-syntax"));
            return syntax ? "refused (syntax)" : "refused (checks)";
        }
    }

    /** Null when the problems say where; otherwise what is missing. */
    static String whatIsWrong(LoadException refused, String mutatedFile) {
        List<Problem> problems = refused.problems();
        if (problems.isEmpty()) {
            return "a LoadException without problems: " + refused.getMessage();
        }
        for (Problem p : problems) {
            if (!p.location().startsWith("data/") && !p.location().startsWith("ontology/")) {
                return "a problem that names no file of the project: " + p.oneLine();
            }
            if (p.rule().equals("turtle-syntax") && !(p.location().startsWith(mutatedFile + ":")
                    && FILE_AND_LINE.matcher(p.location()).matches())) {
                return "a syntax problem without the mutated file and its line: " + p.oneLine();
            }
            if (p.oneLine().contains("\tat ") || p.oneLine().contains("Exception")) {
                return "a problem that shows the loader's insides: " + p.oneLine();
            }
        }
        return null;
    }
}
