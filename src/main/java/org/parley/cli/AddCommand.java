package org.parley.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.curate.ReportAdder;
import org.parley.load.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley add FILE --outlet NAME}: a new report, its metadata and a claim sheet pre-filled by suggest. */
@Command(name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Add a report: copy its text to data/reports/<id>.txt, write its metadata to"
                    + " data/sheets/<id>.things.csv and its claim sheet data/sheets/<id>.csv, pre-filled with"
                    + " suggest's candidates.",
            "Then edit the sheet (keep, correct or delete rows; name each claim's content), run validate, and serve."})
public final class AddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReportTextOptions report;

    @Option(names = "--outlet", paramLabel = "NAME", required = true, description = "The outlet that published the report.")
    String outlet;

    @Option(names = "--published", paramLabel = "DATE", description = "Its publication date, YYYY-MM-DD.")
    String published;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.at(report.root());
        String reportId = report.reportId();
        String text = report.text();
        Path textFile = layout.reportsDir().resolve(reportId + ".txt");
        Path sheet = layout.sheetsDir().resolve(reportId + ".csv");
        Path things = layout.thingsSheet(reportId);
        for (Path taken : List.of(textFile, sheet, things, layout.dataDir().resolve(reportId + ".ttl"))) {
            if (Files.exists(taken)) {
                throw new ReportAdder.AddException(layout.relative(taken) + " already exists: report " + reportId
                        + " is in the project (choose another --id)");
            }
        }
        ReportAdder.NewReport prepared = ReportAdder.prepare(reportId, text, outlet, published, report.knowledgeBase());

        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(layout.reportsDir());
            Files.createDirectories(layout.sheetsDir());
            // The text byte for byte: excerpts count its code points.
            Files.write(textFile, Files.readAllBytes(report.file()));
            written.add(textFile);
            Files.writeString(things, prepared.thingsCsv(), StandardCharsets.UTF_8);
            written.add(things);
            Files.writeString(sheet, prepared.claimsCsv(), StandardCharsets.UTF_8);
            written.add(sheet);
        } catch (IOException failed) {
            for (Path path : written) {
                Files.deleteIfExists(path);
            }
            throw failed;
        }
        var out = spec.commandLine().getOut();
        out.println("parley add: report " + reportId);
        out.println("  " + layout.relative(textFile) + "  (the text)");
        out.println("  " + layout.relative(things) + "  (the report's metadata; declare new terms, proposals and actors here)");
        out.println("  " + layout.relative(sheet) + "  (" + prepared.candidates() + " candidate claims)");
        prepared.notes().forEach(note -> out.println("  note: " + note));
        out.println("Next: edit the claim sheet (keep, correct or delete rows; name each claim's content), then"
                + " run 'parley validate'. Until it validates, the report is left out and the rest is served.");
        out.flush();
        return 0;
    }
}
