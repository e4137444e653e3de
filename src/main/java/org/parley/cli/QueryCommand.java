package org.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.load.ProjectLayout;
import org.parley.query.OutputFormat;
import org.parley.query.QueryFiles;
import org.parley.query.QueryParameters;
import org.parley.query.QueryRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley query}: one query against the loaded knowledge base, no server needed. */
@Command(name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Run a SPARQL query against the knowledge base (loaded and validated in memory; the default"
                    + " graph is the union of all graphs, entailments included).",
            "SELECT/ASK print W3C result formats, CONSTRUCT/DESCRIBE print RDF."})
public final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Parameters(index = "0", paramLabel = "FILE_OR_NAME",
            description = "A .rq file, or the name of one in queries/ (e.g. positions for queries/positions.rq).")
    String fileOrName;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "One of: ${COMPLETION-CANDIDATES}. Default: table for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE.")
    OutputFormat format;

    // A list, not a picocli Map option: picocli would warn about quote marks inside values.
    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Bind ?NAME to VALUE (repeatable): <iri> or prefix:local (a prefix of the query) is an"
                    + " IRI, an integer is an xsd:integer, anything else a string. limit=N and offset=N page the"
                    + " rows (the query's LIMIT and OFFSET).")
    List<String> parameters = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path root = ProjectLayout.at(project.root()).root();
        // The query before the knowledge base: a bad query or name fails at once, without a load.
        Path file = QueryFiles.resolve(root, fileOrName);
        Map<String, String> values = QueryParameters.split(parameters);
        Query query = QueryParameters.page(values, QueryFiles.parse(file));
        Map<String, Node> bindings = QueryParameters.bind(values, query);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(root)) {
            QueryRunner.run(kb.datasetGraph(), query, bindings, format, answer);
            // A refused claim sheet: its report is not in the answer, so say why (on stderr).
            kb.warnings().stream().filter(w -> w.rule().startsWith("sheet"))
                    .forEach(w -> spec.commandLine().getErr().println(w.oneLine()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(answer.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }
}
