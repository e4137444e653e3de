package org.parley.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.parley.curate.ActorIndex;
import org.parley.curate.ReportAdder;
import org.parley.curate.Suggester;
import org.parley.sheet.CsvTable;
import org.parley.sheet.SheetVocabulary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley suggest FILE}: candidate claim rows for a report's text, in the claim sheet's format. */
@Command(name = "suggest",
        mixinStandardHelpOptions = true,
        description = {
            "Print candidate claim rows for a report's text: attributed sentences with their verbatim quote,"
                    + " outlet, cited source (count, side), speaker and party (by the knowledge base's labels and"
                    + " affiliations), stance, negation, hedge and precondition cues. Nothing is guessed: what the"
                    + " words and the knowledge base do not give stays blank.",
            "csv is the claim sheet's format (data/sheets/<id>.csv); table is for reading."})
public final class SuggestCommand implements Callable<Integer> {

    enum Format { csv, table }

    @Spec
    CommandSpec spec;

    @Mixin
    ReportTextOptions report;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--outlet", paramLabel = "NAME", description = "The outlet of sentences that name none.")
    String outlet;

    @Override
    public Integer call() throws Exception {
        String text = report.text();
        Graph knowledgeBase = report.knowledgeBase();
        String reportId = report.reportId();
        List<Suggester.Candidate> candidates = new Suggester(new ActorIndex(knowledgeBase)).suggest(text, "c-" + reportId, outlet);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            out.print(CsvTable.write(SheetVocabulary.HEADERS, candidates.stream().map(c -> ReportAdder.row(c.cells())).toList()));
        } else {
            for (Suggester.Candidate c : candidates) {
                out.printf("%s  %-9s party=%s speaker=%s stance=%s mode=%s%s%s%n    \u201C%s\u201D%n",
                        c.cell("id"), c.cell("kind"), c.cell("party"), c.cell("speaker"), c.cell("stance"), c.cell("mode"),
                        c.cell("cited_source").isEmpty() ? "" : " source=" + c.cell("cited_source")
                                + (c.cell("source_count").isEmpty() ? "" : " (" + c.cell("source_count") + ")"),
                        c.cell("hedge_cue").isEmpty() ? "" : " hedge=" + c.cell("hedge_cue"), c.cell("quote"));
            }
        }
        out.flush();
        spec.commandLine().getErr().println("parley suggest: " + candidates.size() + " candidates from " + report.file());
        return 0;
    }
}
