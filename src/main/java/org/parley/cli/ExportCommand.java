package org.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.export.ExportFormat;
import org.parley.export.KnowledgeBaseExporter;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.load.ProjectLayout;
import org.parley.load.ProjectReader;
import org.parley.sheet.ProjectSheets;
import org.parley.sheet.SheetExporter;
import org.parley.validate.ParsedProject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley export}: the whole knowledge base as one RDF file. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the knowledge base as RDF.",
            "trig, nquads and jsonld keep the named graphs (ontology, one per data file, entailments);"
                    + " turtle and rdfxml merge the curated data into one graph, without ontology and"
                    + " entailments, under an owl:Ontology header that imports the Parley ontology (for Protégé)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "trig",
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @Option(names = "--sheets", paramLabel = "DIR",
            description = "Write every report as claim sheets into DIR (<id>.csv and <id>.things.csv) instead of RDF.")
    Path sheetsDir;

    @Override
    public Integer call() throws Exception {
        if (sheetsDir != null) {
            return writeSheets();
        }
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(project.root())) {
            if (outFile == null) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                KnowledgeBaseExporter.write(kb, format, buffer);
                PrintWriter out = spec.commandLine().getOut();
                out.print(buffer.toString(StandardCharsets.UTF_8));
                out.flush();
            } else {
                try (OutputStream file = Files.newOutputStream(outFile)) {
                    KnowledgeBaseExporter.write(kb, format, file);
                }
                spec.commandLine().getErr().println("parley export: wrote " + format + " to " + outFile);
            }
        }
        return 0;
    }

    private int writeSheets() throws Exception {
        // Load first: only a knowledge base that passes the load checks is written out.
        KnowledgeBaseLoader.load(project.root()).close();
        ProjectReader.Read read = ProjectReader.readRefusingBadSheets(ProjectLayout.at(project.root()));
        // A refused sheet's report is not written (its sheet on disk is the analyst's work in progress).
        read.refusedSheets().forEach(p -> spec.commandLine().getErr().println(p.oneLine()));
        ParsedProject parsed = read.project();
        Map<String, SheetExporter.Sheets> sheets = ProjectSheets.export(parsed);
        Files.createDirectories(sheetsDir);
        for (Map.Entry<String, SheetExporter.Sheets> sheet : sheets.entrySet()) {
            Files.writeString(sheetsDir.resolve(sheet.getKey() + ".csv"), sheet.getValue().claimsCsv(), StandardCharsets.UTF_8);
            Files.writeString(sheetsDir.resolve(sheet.getKey() + ProjectLayout.THINGS_SUFFIX), sheet.getValue().thingsCsv(),
                    StandardCharsets.UTF_8);
        }
        spec.commandLine().getErr().println("parley export: wrote the sheets of " + sheets.size() + " reports to " + sheetsDir);
        return 0;
    }
}
