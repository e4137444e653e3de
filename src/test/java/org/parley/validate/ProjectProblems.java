package org.parley.validate;

import java.nio.file.Path;
import java.util.List;

import org.parley.load.LoadException;
import org.parley.load.ProjectLayout;
import org.parley.load.ProjectReader;

/** Test helpers: read a fixture project and run one check on it. */
final class ProjectProblems {

    private ProjectProblems() {
    }

    static ParsedProject read(Path root) {
        try {
            return ProjectReader.read(ProjectLayout.at(root));
        } catch (LoadException e) {
            throw new AssertionError("fixture does not parse: " + e.problems(), e);
        }
    }

    static List<Problem> run(ProjectCheck check, Path root) {
        return check.check(read(root));
    }

    static List<Problem> withRule(List<Problem> problems, String rule) {
        return problems.stream().filter(p -> p.rule().equals(rule)).toList();
    }
}
