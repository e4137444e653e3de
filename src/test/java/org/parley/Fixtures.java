package org.parley;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test projects under src/test/resources/fixtures (see the README there) and the real project.
 * Maven runs tests with the repository root as working directory.
 */
public final class Fixtures {

    public static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

    /** The repository itself, with the real ontology and data. */
    public static final Path REAL_PROJECT = Path.of("").toAbsolutePath();

    private Fixtures() {
    }

    private static Path validProject;

    /**
     * The valid miniature project: the data of fixtures/valid-mini with the real ontology/ (ontology,
     * shapes, catalog) laid over it, so that tests run against the rules production enforces. Made
     * once per test run in a temporary directory; copy it before changing anything.
     */
    public static synchronized Path validProject() {
        if (validProject == null) {
            try {
                Path dir = Files.createTempDirectory("parley-valid-mini");
                copyValidProject(dir);
                validProject = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validProject;
    }

    /** A copy of the valid miniature in dir, to be changed by the test. */
    public static Path copyOfValidProject(Path dir) {
        copyValidProject(dir);
        return dir;
    }

    private static void copyValidProject(Path dir) {
        copyTree(FIXTURES.resolve("valid-mini"), dir);
        copyTree(REAL_PROJECT.resolve("ontology"), dir.resolve("ontology"));
    }

    /**
     * A copy of the real project's ontology/, data/ (with the report texts) and queries/ in dir, to be
     * changed by the test: whatever the curators have made of them, which must pass every check.
     */
    public static Path copyOfRealProject(Path dir) {
        for (String part : List.of("ontology", "data", "queries")) {
            copyTree(REAL_PROJECT.resolve(part), dir.resolve(part));
        }
        return dir;
    }

    /** The valid miniature with the files of broken/{@code name} laid over it, in dir. */
    public static Path brokenProject(String name, Path dir) {
        Path overlay = FIXTURES.resolve("broken").resolve(name);
        if (!Files.isDirectory(overlay)) {
            throw new IllegalArgumentException("no fixture " + overlay);
        }
        copyValidProject(dir);
        copyTree(overlay, dir);
        return dir;
    }

    /** Replaces text in a file of a copied project, failing if the text is not there. */
    public static void edit(Path file, String from, String to) {
        try {
            String content = Files.readString(file);
            if (!content.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain: " + from);
            }
            Files.writeString(file, content.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number (from 1) of the first line of the file that contains the text, as an editor shows it. */
    public static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(file + " has no line containing: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
