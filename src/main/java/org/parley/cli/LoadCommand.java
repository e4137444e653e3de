package org.parley.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.KnowledgeBaseLoader.BadReports;
import org.parley.load.KnowledgeBaseLoader.Options;
import org.parley.load.KnowledgeBaseLoader.Summary;
import org.parley.load.LoadProgress;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.push.GraphStoreClient;
import org.parley.push.GraphStorePush;
import org.parley.push.PushException;
import org.parley.push.SharedBlankNodes;
import org.parley.push.StoreCredentials;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley load}: check the project report by report, then write it into a TDB2 database
 * ({@code --db}), or push it into another store through the Graph Store Protocol ({@code --into},
 * see {@link GraphStorePush}).
 */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Check the project, report by report, then replace the contents of a TDB2 database with the"
                    + " knowledge base (for `parley serve --db DIR`), or only some reports with --report.",
            "If a check fails the database is left as it was; the database never holds half a load.",
            "With --into URL instead: push the knowledge base into a SPARQL 1.1 Graph Store Protocol endpoint,"
                    + " one named graph per PUT, each replacing the store's graph of that name. There is no"
                    + " transaction across graphs: a push that fails midway says which graphs were pushed."})
public final class LoadCommand implements Callable<Integer> {

    /** Up to this many graphs, the load lists each graph's size. */
    private static final int LISTED_GRAPHS = 30;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--db", paramLabel = "DIR",
            description = "The TDB2 database directory (created if it does not exist).")
    Path db;

    @Option(names = "--into", paramLabel = "URL",
            description = "A Graph Store Protocol endpoint to push into instead, e.g. http://127.0.0.1:3030/ds/data"
                    + " (Fuseki) or http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso).")
    URI into;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "With --into: a file whose first line is user:password (HTTP Basic or Digest, as the store asks).")
    Path credentials;

    @Option(names = "--check",
            description = "With --into: read every graph back from the store and compare its triple count with what was pushed.")
    boolean check;

    @Option(names = "--report", paramLabel = "ID",
            description = "Add, replace or (if its files are gone) remove only this report (its file name without"
                    + " extension, e.g. 003_5eda140543b3a4aa), in one transaction, in time proportional to the report."
                    + " Repeatable. The shared files must be unchanged since the last full load.")
    List<String> reports;

    @Option(names = "--skip-bad-reports",
            description = "Leave out a report that fails its checks (its problems are printed as warnings) and load the"
                    + " rest. Without it, one bad report fails the whole load and nothing changes.")
    boolean skipBadReports;

    @Option(names = "--loader", paramLabel = "NAME", defaultValue = "phased",
            description = "Which of TDB2's bulk loaders writes a whole database: phased (default), parallel,"
                    + " sequential or basic (as tdb2.tdbloader --loader).")
    String loader;

    @Override
    public Integer call() throws Exception {
        if ((db == null) == (into == null)) {
            throw new ParameterException(spec.commandLine(), "give one of --db DIR or --into URL");
        }
        if (into == null && (credentials != null || check)) {
            throw new ParameterException(spec.commandLine(), "--credentials and --check go with --into URL");
        }
        if (into != null) {
            if (reports != null && !reports.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--report goes with --db DIR");
            }
            return pushInto();
        }
        Options options = Options.defaults()
                .badReports(skipBadReports ? BadReports.SKIP : BadReports.FAIL)
                .progress(LoadProgress.onTerminal(System.err))
                .loader(loader);
        Summary summary = reports == null || reports.isEmpty()
                ? KnowledgeBaseLoader.loadIntoTdb2(project.root(), db, options)
                : KnowledgeBaseLoader.replaceReports(project.root(), db, reports, options);
        PrintWriter out = spec.commandLine().getOut();
        // A report left out (--skip-bad-reports) or a refused sheet: say which and why.
        summary.warnings().forEach(warning -> spec.commandLine().getErr().println(warning.oneLine()));
        try (LoadedKnowledgeBase loaded = KnowledgeBaseLoader.openTdb2(db)) {
            long graphs = loaded.graphCount();
            if (graphs <= LISTED_GRAPHS) {
                Map<String, Long> sizes = loaded.graphSizes();
                sizes.forEach((graph, size) -> out.printf("%8d  %s%n", size, graph));
                out.printf("parley load: %d triples in %d graphs loaded into %s%n", loaded.tripleCount(), sizes.size(), db);
            } else {
                out.printf(Locale.ROOT, "parley load: %d graphs in %s%n", graphs, db);
            }
        }
        out.println(summaryLine(summary));
        out.flush();
        return 0;
    }

    private static String summaryLine(Summary summary) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%,d %s (%,d quads) written in %.1f s, %,.0f quads/s", summary.reports(),
                summary.reports() == 1 ? "report" : "reports", summary.quads(),
                summary.time().toMillis() / 1000.0, summary.quadsPerSecond()));
        if (!summary.leftOut().isEmpty()) {
            line.append(String.format(Locale.ROOT, "; %,d left out: %s", summary.leftOut().size(), String.join(", ", summary.leftOut())));
        }
        if (!summary.removed().isEmpty()) {
            line.append("; removed: ").append(String.join(", ", summary.removed()));
        }
        if (!summary.phases().isEmpty()) {
            // Where the time went, for whoever tunes a large load (docs/scaling.md).
            line.append(" (");
            summary.phases().forEach((phase, time) -> line.append(String.format(Locale.ROOT, "%s %.1f s, ", phase,
                    time.toMillis() / 1000.0)));
            line.setLength(line.length() - 2);
            line.append(')');
        }
        return line.append('.').toString();
    }

    /** {@code --into}: the same validated knowledge base as {@code load}, pushed graph by graph. */
    private int pushInto() throws Exception {
        StoreCredentials login = credentials == null ? null : StoreCredentials.read(credentials);
        GraphStoreClient store = GraphStoreClient.of(into, login);
        PrintWriter out = spec.commandLine().getOut();
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(project.root())) {
            kb.warnings().forEach(warning -> spec.commandLine().getErr().println(warning.oneLine()));
            out.println("parley load: pushing into " + into);
            GraphStorePush.Result result = GraphStorePush.push(kb.datasetGraph(), store, (graph, done, total) -> {
                out.printf("%8d  %s  (%d/%d, HTTP %d, %.1f s)%n", graph.triples(), graph.graph(), done, total,
                        graph.status(), graph.took().toMillis() / 1000.0);
                out.flush();
            });
            if (result.sharedBlankNodes() > 0) {
                out.printf("note: %d blank nodes shared between graphs were sent as IRIs under %s%n",
                        result.sharedBlankNodes(), SharedBlankNodes.SKOLEM_BASE);
            }
            if (result.triplesInSeveralGraphs() > 0) {
                out.printf("note: %d triples are in more than one graph; a store whose default graph is not a"
                        + " union without duplicates (Virtuoso) repeats them in answers%n", result.triplesInSeveralGraphs());
            }
            if (check) {
                List<GraphStorePush.Mismatch> mismatches = GraphStorePush.check(result, store);
                if (!mismatches.isEmpty()) {
                    throw new PushException(String.join("; ", mismatches.stream().map(m -> m.graph() + ": pushed "
                            + m.pushed() + " triples, the store holds " + m.stored()).toList())
                            + " (--check: the store does not hold what was pushed)");
                }
                out.printf("checked: every graph in the store has the triples pushed%n");
            }
            out.printf("parley load: %d triples in %d graphs pushed into %s in %.1f s%n", result.triples(),
                    result.graphs().size(), into, result.took().toMillis() / 1000.0);
        }
        out.flush();
        return 0;
    }
}
