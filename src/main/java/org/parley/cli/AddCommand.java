package org.parley.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.curate.ReportAdder;
import org.parley.load.ProjectLayout;
import org.parley.load.ProjectReader;
import org.parley.validate.ParsedProject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
    ProjectOptions project;

    @Parameters(index = "0", paramLabel = "FILE", description = "The report's text (UTF-8).")
    Path file;

    @Option(names = "--outlet", paramLabel = "NAME", required = true, description = "The outlet that published the report.")
    String outlet;

    @Option(names = "--published", paramLabel = "DATE", description = "Its publication date, YYYY-MM-DD.")
    String published;

    @Option(names = "--id", paramLabel = "ID", description = "The report's id (default: from the file name).")
    String id;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.at(project.root());
        String reportId = id != null ? id : ReportAdder.idFrom(file.getFileName().toString());
        String text = readUtf8(file);
        Path textFile = layout.reportsDir().resolve(reportId + ".txt");
        Path sheet = layout.sheetsDir().resolve(reportId + ".csv");
        Path things = layout.thingsSheet(reportId);
        for (Path taken : List.of(textFile, sheet, things, layout.dataDir().resolve(reportId + ".ttl"))) {
            if (Files.exists(taken)) {
                throw new ReportAdder.AddException(layout.relative(taken) + " already exists: report " + reportId
                        + " is in the project (choose another --id)");
            }
        }
        ReportAdder.NewReport report = ReportAdder.prepare(reportId, text, outlet, published, knowledgeBase(project.root()));

        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(layout.reportsDir());
            Files.createDirectories(layout.sheetsDir());
            // The text byte for byte: excerpts count its code points.
            Files.write(textFile, Files.readAllBytes(file));
            written.add(textFile);
            Files.writeString(things, report.thingsCsv(), StandardCharsets.UTF_8);
            written.add(things);
            Files.writeString(sheet, report.claimsCsv(), StandardCharsets.UTF_8);
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
        out.println("  " + layout.relative(sheet) + "  (" + report.candidates() + " candidate claims)");
        report.notes().forEach(note -> out.println("  note: " + note));
        out.println("Next: edit the claim sheet (keep, correct or delete rows; name each claim's content), then"
                + " run 'parley validate'. Until it validates, the report is left out and the rest is served.");
        out.flush();
        return 0;
    }

    /** The file's text; a clear error if it is not UTF-8. */
    static String readUtf8(Path file) throws IOException, ReportAdder.AddException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ReportAdder.AddException(file + " is not UTF-8 text: save it as UTF-8");
        }
    }

    /** Everything the project knows (its good sheets included), in one graph: what names resolve against. */
    static Graph knowledgeBase(Path root) throws Exception {
        ParsedProject parsed = ProjectReader.readRefusingBadSheets(ProjectLayout.at(root)).project();
        Graph all = GraphFactory.createDefaultGraph();
        parsed.ontology().find().forEachRemaining(all::add);
        parsed.dataGraphs().values().forEach(g -> g.find().forEachRemaining(all::add));
        return all;
    }
}
