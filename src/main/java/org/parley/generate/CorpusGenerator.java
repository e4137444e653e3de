package org.parley.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.parley.load.LoadException;
import org.parley.validate.Problem;

/**
 * Writes a synthetic Parley project of N reports: the source project's ontology, query library and
 * shared graphs (with a bounded set of synthetic actors and terms added), and per report a text and
 * its curated graph. Everything follows from the seed: the same seed and N write the same bytes.
 */
public final class CorpusGenerator {

    public static final String RULE = "generate";

    /** What was written. */
    public record Summary(int reports, long claims, long files, long bytes) {
    }

    private static final List<String> SHARED_COPIED = List.of("data/cameo.ttl");

    private CorpusGenerator() {
    }

    /**
     * @param source a Parley project (its ontology/, queries/, shared data and docs/wikidata-ids.md are copied)
     * @param out    a directory that does not exist or is empty
     */
    public static Summary generate(Path source, Path out, int reports, long seed) throws LoadException, IOException {
        return generate(source, out, reports, seed, Chronology.REPORTS_PER_EPISODE);
    }

    /**
     * With episodes of another length: tests use short ones, so that a few reports span many rounds
     * of talks (dated in every season) and still share some.
     */
    static Summary generate(Path source, Path out, int reports, long seed, int reportsPerEpisode)
            throws LoadException, IOException {
        if (reports < 1) {
            throw new LoadException(Problem.error("--reports " + reports, RULE, "a corpus needs at least one report",
                    "give --reports 1 or more"));
        }
        if (!Files.isDirectory(source.resolve("ontology")) || !Files.isRegularFile(source.resolve("data/actors.ttl"))) {
            throw new LoadException(Problem.error(source.toString(), RULE,
                    "no Parley project here to take the ontology, queries and shared graphs from",
                    "run from the repository root or pass --root DIR"));
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new LoadException(Problem.error(out.toString(), RULE,
                    "the output directory exists and is not empty; nothing was written",
                    "name a new or empty directory"));
        }
        Writer writer = new Writer(out);
        copyTree(source.resolve("ontology"), out.resolve("ontology"), writer);
        for (Path query : list(source.resolve("queries"))) {
            String name = query.getFileName().toString();
            if (name.endsWith(".rq") || name.equals("README.md")) {
                writer.copy(query, out.resolve("queries").resolve(name));
            }
        }
        Path verifiedIds = source.resolve("docs/wikidata-ids.md");
        if (Files.isRegularFile(verifiedIds)) {
            writer.copy(verifiedIds, out.resolve("docs/wikidata-ids.md"));
        }
        for (String shared : SHARED_COPIED) {
            writer.copy(source.resolve(shared), out.resolve(shared));
        }

        Random world = new Random(seed);
        Cast cast = new Cast();
        Chronology chronology = new Chronology(reports, reportsPerEpisode, world);
        writer.write(out.resolve("data/actors.ttl"), read(source.resolve("data/actors.ttl")) + cast.actorsTurtle());
        StringBuilder terms = new StringBuilder(read(source.resolve("data/terms.ttl")));
        Matters.writeTurtle(terms);
        chronology.writeTurtle(terms);
        writer.write(out.resolve("data/terms.ttl"), terms.toString());

        int width = Math.max(5, Integer.toString(reports - 1).length());
        long claims = 0;
        for (int i = 0; i < reports; i++) {
            String number = String.format(Locale.ROOT, "%0" + width + "d", i);
            String id = number + "_" + String.format(Locale.ROOT, "%016x", world.nextLong());
            ReportComposer.Composed report = new ReportComposer(cast, chronology, seed, i, id, number).compose();
            writer.write(out.resolve("data/reports/" + id + ".txt"), report.text());
            writer.write(out.resolve("data/" + id + ".ttl"), report.turtle());
            claims += report.claims();
        }
        return new Summary(reports, claims, writer.files, writer.bytes);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to, Writer writer) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            writer.copy(file, to.resolve(from.relativize(file).toString()));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Writes files, counting them and their bytes. */
    private static final class Writer {
        private final Path root;
        long files;
        long bytes;

        Writer(Path root) {
            this.root = root;
        }

        void write(Path file, String content) throws IOException {
            write(file, content.getBytes(StandardCharsets.UTF_8));
        }

        void copy(Path from, Path to) throws IOException {
            write(to, Files.readAllBytes(from));
        }

        private void write(Path file, byte[] content) throws IOException {
            if (!file.normalize().startsWith(root.normalize())) {
                throw new IOException("refusing to write outside " + root + ": " + file);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            files++;
            bytes += content.length;
        }
    }
}
