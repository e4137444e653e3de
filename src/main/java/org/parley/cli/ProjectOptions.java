package org.parley.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every project command shares (a picocli mixin). */
public final class ProjectOptions {

    @Option(names = "--root", paramLabel = "DIR",
            description = "Project root holding ontology/, data/ and queries/ (default: the current directory).")
    Path root;

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    /** The project root: --root if given, else the current directory. */
    public Path root() {
        return root == null ? Path.of("").toAbsolutePath() : root;
    }
}
