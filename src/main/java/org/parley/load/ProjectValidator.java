package org.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.parley.link.LinkCheck;
import org.parley.link.VerifiedWikidataIds;
import org.parley.validate.ParsedProject;
import org.parley.validate.ProjectCheck;
import org.parley.validate.Problem;
import org.parley.validate.ValidationReport;
import org.parley.validate.Validator;

/**
 * Runs every check on a project on disk, including the OWL 2 DL profile and HermiT, and returns the
 * problems instead of throwing: what {@code parley validate} prints. (It lives here, not in
 * org.parley.validate, because it reads the files; the checks themselves know nothing of files.)
 */
public final class ProjectValidator {

    public static final String SKIPPED_RULE = "checks-skipped";

    private ProjectValidator() {
    }

    /** @throws LoadException only if projectRoot is not a Parley project at all */
    public static ValidationReport validate(Path projectRoot) throws LoadException {
        ProjectLayout layout = ProjectLayout.at(projectRoot);
        ParsedProject project;
        List<Problem> refusedSheets;
        try {
            ProjectReader.Read read = ProjectReader.readRefusingBadSheets(layout);
            project = read.project();
            refusedSheets = read.refusedSheets();
        } catch (LoadException unreadable) {
            List<Problem> problems = new ArrayList<>(unreadable.problems());
            problems.add(Problem.warning(layout.root().toString(), SKIPPED_RULE,
                    "the other checks did not run because some files could not be read",
                    "fix the problems above and validate again"));
            return ValidationReport.of(problems);
        }
        List<ProjectCheck> checks = new ArrayList<>(Validator.allChecks(layout.ontologyFile(), ProjectLayout.ONTOLOGY_FILE));
        // The links to Wikidata are checked against the ids verified by hand (docs/wikidata-ids.md).
        // A project that keeps no such table (a test fixture) makes no link claims to check; the
        // real project's links are also checked by LinkCheckTest, so losing the file fails the build.
        Path verifiedIds = layout.root().resolve(VerifiedWikidataIds.FILE);
        try {
            if (Files.exists(verifiedIds)) {
                checks.add(new LinkCheck(VerifiedWikidataIds.read(verifiedIds)));
            }
        } catch (IOException unreadable) {
            return ValidationReport.of(List.of(Problem.error(VerifiedWikidataIds.FILE, LinkCheck.UNVERIFIED,
                    "cannot read the verified Wikidata ids: " + unreadable.getMessage(),
                    "restore docs/wikidata-ids.md, the table of ids checked by hand")));
        }
        // A refused sheet's problems first; the checks then run on the rest of the project.
        return ValidationReport.of(refusedSheets).plus(Validator.run(checks, project));
    }
}
