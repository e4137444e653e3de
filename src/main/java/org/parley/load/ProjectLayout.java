package org.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.parley.validate.Problem;

/**
 * Where a Parley project keeps its files: ontology/parley.ttl and ontology/shapes.ttl, curated data
 * in data/*.ttl or as claim sheets in data/sheets/*.csv, report texts in data/reports/*.txt, queries
 * in queries/*.rq.
 */
public final class ProjectLayout {

    public static final String ONTOLOGY_FILE = "ontology/parley.ttl";
    public static final String SHAPES_FILE = "ontology/shapes.ttl";

    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    /** The layout of the project at root; fails if root does not look like a Parley project. */
    public static ProjectLayout at(Path root) throws LoadException {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute.resolve("ontology"))) {
            throw new LoadException(Problem.error(absolute.toString(), "project-root",
                    "no ontology/ directory here, so this is not the root of a Parley project",
                    "run from the repository root or pass --root DIR"));
        }
        return new ProjectLayout(absolute);
    }

    public Path root() {
        return root;
    }

    public Path ontologyFile() {
        return root.resolve(ONTOLOGY_FILE);
    }

    public Path shapesFile() {
        return root.resolve(SHAPES_FILE);
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path reportsDir() {
        return dataDir().resolve("reports");
    }

    public Path sheetsDir() {
        return dataDir().resolve("sheets");
    }

    /** A report's claim sheet's companion, the things it introduces (may not exist). */
    public Path thingsSheet(String reportId) {
        return sheetsDir().resolve(reportId + THINGS_SUFFIX);
    }

    public static final String THINGS_SUFFIX = ".things.csv";

    /** data/sheets/*.csv without the things sheets, in file name order. */
    public List<Path> claimSheets() throws IOException {
        return listFiles(sheetsDir(), ".csv").stream()
                .filter(file -> !file.getFileName().toString().endsWith(THINGS_SUFFIX))
                .toList();
    }

    /** data/*.ttl, in file name order. */
    public List<Path> dataFiles() throws IOException {
        return listFiles(dataDir(), ".ttl");
    }

    /** data/reports/*.txt, in file name order. */
    public List<Path> reportTextFiles() throws IOException {
        return listFiles(reportsDir(), ".txt");
    }

    /** The path as messages show it: relative to the root, with forward slashes. */
    public String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** The file's name without its extension: the report id or the graph's short name. */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static List<Path> listFiles(Path dir, String extension) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        }
    }
}
