package org.parley.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.parley.load.ProjectValidator;
import org.parley.validate.Problem;
import org.parley.validate.ValidationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parley validate}: every check, one problem per line, then a summary. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Run every check on the project: Turtle syntax, report and data files in pairs, claims and"
                    + " their reports, excerpts and quotations verbatim, terms declared and annotated, SHACL,"
                    + " OWL 2 DL (OWL API) and consistency (HermiT).",
            "Exit status 0 only if no check finds an error."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() throws Exception {
        ValidationReport report = ProjectValidator.validate(project.root());
        PrintWriter out = spec.commandLine().getOut();
        for (Problem problem : report.problems()) {
            out.println(problem.oneLine());
        }
        out.println("parley validate: " + (report.passed() ? "passed" : "FAILED") + " (" + report.summary() + ")");
        out.flush();
        return report.passed() ? 0 : ErrorReporting.FAILED;
    }
}
