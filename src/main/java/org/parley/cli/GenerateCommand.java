package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.parley.generate.CorpusGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley generate}: a seeded synthetic corpus in the project's own layout, for testing at scale. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic Parley project of N invented reports (texts and curated graphs, with verbatim"
                    + " excerpts at their offsets) with the ontology, query library and shared graphs of the project"
                    + " at --root, for testing at scale. The same --seed and --reports write the same bytes.",
            "The result loads with `parley load --root OUT`, `serve --root OUT` and `validate --root OUT`."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--reports", paramLabel = "N", required = true, description = "How many reports to write.")
    int reports;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to write the project: a new or empty directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        CorpusGenerator.Summary summary = CorpusGenerator.generate(project.root(), out, reports, seed);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("parley generate: %,d reports, %,d claims, %,d files (%,d bytes) written to %s in %.1f s (seed %d)%n",
                summary.reports(), summary.claims(), summary.files(), summary.bytes(), out, seconds, seed);
        printer.flush();
        return 0;
    }
}
