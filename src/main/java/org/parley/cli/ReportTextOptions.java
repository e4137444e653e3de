package org.parley.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.curate.ReportAdder;
import org.parley.load.ProjectLayout;
import org.parley.load.ProjectReader;
import org.parley.validate.ParsedProject;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code add} and {@code suggest} both take: the project, a new report's text and its id (a picocli mixin). */
public final class ReportTextOptions {

    @Mixin
    ProjectOptions project;

    @Parameters(index = "0", paramLabel = "FILE", description = "The report's text (UTF-8).")
    Path file;

    @Option(names = "--id", paramLabel = "ID",
            description = "The report's id, which its claims' ids start with (default: from the file name).")
    String id;

    Path root() {
        return project.root();
    }

    Path file() {
        return file;
    }

    String reportId() {
        return id != null ? id : ReportAdder.idFrom(file.getFileName().toString());
    }

    /** The file's text; a clear error if it is not UTF-8. */
    String text() throws IOException, ReportAdder.AddException {
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
    Graph knowledgeBase() throws Exception {
        ParsedProject parsed = ProjectReader.readRefusingBadSheets(ProjectLayout.at(root())).project();
        Graph all = GraphFactory.createDefaultGraph();
        parsed.ontology().find().forEachRemaining(all::add);
        parsed.dataGraphs().values().forEach(g -> g.find().forEachRemaining(all::add));
        return all;
    }
}
