package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.validate.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley load}: validate, then write the knowledge base into a TDB2 database. */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the project, then replace the contents of a TDB2 database with the knowledge base"
                    + " in one transaction (for `parley serve --db DIR`).",
            "If validation fails the database is left as it was."})
public final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--db", paramLabel = "DIR", required = true,
            description = "The TDB2 database directory (created if it does not exist).")
    Path db;

    @Override
    public Integer call() throws Exception {
        List<Problem> warnings = KnowledgeBaseLoader.loadIntoTdb2(project.root(), db);
        PrintWriter out = spec.commandLine().getOut();
        // A refused claim sheet is left out and the rest loaded: say which and why.
        warnings.forEach(warning -> spec.commandLine().getErr().println(warning.oneLine()));
        try (LoadedKnowledgeBase loaded = KnowledgeBaseLoader.openTdb2(db)) {
            Map<String, Long> sizes = loaded.graphSizes();
            sizes.forEach((graph, size) -> out.printf("%8d  %s%n", size, graph));
            out.printf("parley load: %d triples in %d graphs loaded into %s%n", loaded.tripleCount(), sizes.size(), db);
        }
        out.flush();
        return 0;
    }
}
