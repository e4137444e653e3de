package org.parley.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which checks run when: the quick ones at every load, all of them in {@code parley validate}. */
public final class Validator {

    private Validator() {
    }

    /** Checks a load must pass: the data's shape, the reports and claims, the excerpts, the terms used. */
    public static List<ProjectCheck> loadChecks() {
        return List.of(new ReportFilesCheck(), new ClaimCheck(), new ExcerptCheck(), new TermDeclarationCheck(),
                new ShaclCheck());
    }

    /** Every check: the load checks, the term annotations, and OWL 2 DL with HermiT. */
    public static List<ProjectCheck> allChecks(Path ontologyFile, String ontologyFileName) {
        List<ProjectCheck> checks = new ArrayList<>(loadChecks());
        checks.add(new TermAnnotationCheck());
        checks.add(new OwlCheck(ontologyFile, ontologyFileName));
        return checks;
    }

    public static ValidationReport run(List<ProjectCheck> checks, ParsedProject project) {
        List<Problem> problems = new ArrayList<>();
        for (ProjectCheck check : checks) {
            problems.addAll(check.check(project));
        }
        return ValidationReport.of(problems);
    }
}
