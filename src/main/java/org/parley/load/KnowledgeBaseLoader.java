package org.parley.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.parley.search.ParleyTextIndex;
import org.parley.validate.AcrossReports;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;

/**
 * Loads a project into a knowledge base, one report at a time ({@link CorpusReader}): the shared
 * files are read and checked once, then every report is read, checked with them, its entailments
 * worked out, and only then written; the rules that compare reports run over what was written
 * ({@link AcrossReports}) before it is committed. A problem throws {@link LoadException} and
 * nothing is written, unless the caller chose to leave bad reports out ({@link BadReports}).
 *
 * <p>Named graphs: {@code graph/ontology}, {@code graph/<name>} per data/{@code <name>}.ttl (or
 * claim sheet), {@code graph/entailments} for the ontology's and shared files' entailments and
 * {@code graph/entailments/<id>} for each report's; see {@link KbNames}. SPARQL's default graph is
 * their union ({@link UnionDefaultGraph}).
 */
public final class KnowledgeBaseLoader {

    /** What a report that fails its checks does to a load. */
    public enum BadReports {
        /** The whole load fails: nothing is written. */
        FAIL,
        /** The report is left out, with its problems as warnings; the rest loads. */
        SKIP,
        /**
         * A claim sheet's report is left out (an analyst's sheet in progress does not stop the
         * server); a report in Turtle fails the load. What {@code serve} does from the sources.
         */
        SKIP_SHEETS
    }

    /**
     * How to load.
     *
     * @param badReports what a bad report does
     * @param loader     which of TDB2's bulk loaders writes a whole database
     * @param threads    reports read and checked at once
     * @param progress   what a terminal shows meanwhile
     */
    public record Options(BadReports badReports, BulkLoader loader, int threads, LoadProgress progress) {

        public static Options defaults() {
            return new Options(BadReports.FAIL, BulkLoader.PHASED,
                    Math.max(1, Runtime.getRuntime().availableProcessors()), LoadProgress.QUIET);
        }

        public Options badReports(BadReports value) {
            return new Options(value, loader, threads, progress);
        }

        public Options progress(LoadProgress value) {
            return new Options(badReports, loader, threads, value);
        }

        public Options loader(String name) throws LoadException {
            return new Options(badReports, BulkLoader.named(name), threads, progress);
        }
    }

    /**
     * What a load did.
     *
     * @param reports  reports loaded (replaced, for {@link #replaceReports})
     * @param leftOut  reports left out for their problems ({@link BadReports#SKIP})
     * @param removed  reports removed because their files are gone ({@link #replaceReports})
     * @param quads    quads written
     * @param time     how long it took
     * @param warnings problems that did not stop it, the left-out reports' among them
     * @param phases   where the time went, phase by phase in order (a whole load; empty otherwise)
     */
    public record Summary(int reports, List<String> leftOut, List<String> removed, long quads, Duration time,
                          List<Problem> warnings, Map<String, Duration> phases) {

        public double quadsPerSecond() {
            return quads / Math.max(time.toNanos() / 1e9, 1e-9);
        }
    }

    private KnowledgeBaseLoader() {
    }

    /** The project at projectRoot, checked, in memory; a bad claim sheet's report is left out. */
    public static LoadedKnowledgeBase load(Path projectRoot) throws LoadException {
        Options options = Options.defaults().badReports(BadReports.SKIP_SHEETS);
        CorpusReader reader = CorpusReader.open(ProjectLayout.at(projectRoot));
        DatasetGraph dataset = KnowledgeBaseStore.inMemory();
        List<Problem> warnings = new ArrayList<>();
        Map<String, String> files = new HashMap<>();
        Txn.executeWrite(dataset, () -> {
            dataset.prefixes().putAll(reader.shared().project().prefixes().getNsPrefixMap());
            reader.shared().storedGraphs().forEach((name, graph) -> addGraph(dataset, name, graph));
        });
        try {
            Txn.executeWrite(dataset, () -> {
                ReportPipeline.Outcome outcome = ReportPipeline.readAll(reader, reader.shared().reportIds(), options, report -> {
                    files.put(report.id(), report.file());
                    addGraph(dataset, report.graphName(), report.graph());
                    addGraph(dataset, report.entailmentsGraphName(), report.entailments());
                });
                throwIfAny(outcome.errors());
                warnings.addAll(outcome.warnings());
                throwIfAny(new AcrossReports(reader.shared().project().shapes())
                        .check(dataset, ResourceLocations.locator(dataset, files)));
            });
        } catch (Unchecked e) {
            throw e.cause;
        }
        return new LoadedKnowledgeBase(dataset, warnings, () -> KnowledgeBaseStore.release(dataset));
    }

    /** Loads with the default options (bad reports fail the load). */
    public static Summary loadIntoTdb2(Path projectRoot, Path dbDir) throws LoadException {
        return loadIntoTdb2(projectRoot, dbDir, Options.defaults());
    }

    /**
     * Replaces the whole contents of the TDB2 database in dbDir (created if absent) with the
     * project's knowledge base, written by a TDB2 bulk loader into new storage that is switched in
     * only when complete and checked ({@link Tdb2Rebuild}): whatever fails, or wherever the process
     * is killed, the database holds the old knowledge base or the new one, never a mix.
     */
    public static Summary loadIntoTdb2(Path projectRoot, Path dbDir, Options options) throws LoadException {
        try {
            return rebuild(projectRoot, dbDir, options);
        } catch (Unchecked e) {
            throw e.cause;
        }
    }

    private static Summary rebuild(Path projectRoot, Path dbDir, Options options) throws LoadException {
        long t0 = System.nanoTime();
        LoadPhases phases = new LoadPhases();
        CorpusReader reader = CorpusReader.open(ProjectLayout.at(projectRoot));
        phases.done("shared files");
        WriteProgress progress = WriteProgress.fromSystemProperties();
        progress.marker("ready");
        Map<String, String> files = new HashMap<>();
        long[] quads = {0};
        try (Tdb2Rebuild rebuild = Tdb2Rebuild.start(dbDir, options.loader(), progress)) {
            rebuild.prefixes(reader.shared().project().prefixes());
            reader.shared().storedGraphs().forEach((name, graph) -> {
                rebuild.add(name, graph);
                quads[0] += graph.size();
            });
            ReportPipeline.Outcome outcome = ReportPipeline.readAll(reader, reader.shared().reportIds(), options, report -> {
                files.put(report.id(), report.file());
                rebuild.add(report.graphName(), report.graph());
                rebuild.add(report.entailmentsGraphName(), report.entailments());
                quads[0] += report.quadCount();
            });
            throwIfAny(outcome.errors());
            rebuild.finishLoading();
            phases.done("reports read, checked and written");
            DatasetGraph built = rebuild.dataset();
            // The full-text index of the pages and text:query, built beside the data (and switched in
            // with it) on a thread of its own while the rules across reports are checked: both only
            // read the new storage, and on a machine of two cores neither waits for the other.
            CompletableFuture<Long> textIndex = CompletableFuture.supplyAsync(
                    () -> ParleyTextIndex.build(built, rebuild.newTextIndex()), LoadPhases::daemon);
            List<Problem> across;
            try {
                across = Txn.calculateRead(built, () -> new AcrossReports(reader.shared().project().shapes())
                        .check(UnionDefaultGraph.of(built), ResourceLocations.locator(built, files)));
            } finally {
                // Never leave the index being written into storage that is about to be deleted.
                textIndex.exceptionally(failed -> 0L).join();
            }
            throwIfAny(across);
            textIndex.join();
            phases.done("rules across reports and text index");
            rebuild.commit();
            phases.done("switch");
            return new Summary(outcome.loaded(), outcome.leftOut(), List.of(), quads[0],
                    Duration.ofNanos(System.nanoTime() - t0), outcome.warnings(), phases.times());
        }
    }

    /**
     * Adds, replaces or removes the given reports in an existing TDB2 database, in one write
     * transaction: the database never holds half a report. Costs time in proportion to those
     * reports, not to the database. A report whose files are gone is removed. The shared files
     * (ontology, actors, terms, ...) must be as they were at the last full load: every stored report
     * was checked against them, so a change to them needs a full load.
     */
    public static Summary replaceReports(Path projectRoot, Path dbDir, List<String> ids, Options options)
            throws LoadException {
        long t0 = System.nanoTime();
        ProjectLayout layout = ProjectLayout.at(projectRoot);
        CorpusReader reader = CorpusReader.open(layout);
        Set<String> present = new LinkedHashSet<>(reader.shared().reportIds());
        List<String> toRead = ids.stream().filter(present::contains).distinct().toList();
        List<String> toRemove = ids.stream().filter(id -> !present.contains(id)).distinct().toList();
        WriteProgress progress = WriteProgress.fromSystemProperties();
        DatasetGraph database = KnowledgeBaseStore.connect(dbDir, true);
        Runnable stopWatching = progress.watchCommit(database);
        try {
            progress.marker("ready");
            Summary[] summary = new Summary[1];
            List<String> replaced = new ArrayList<>();
            Txn.executeWrite(database, () -> {
                progress.marker("begun");
                throwIfAny(SharedGraphs.differences(database, reader.shared(), layout));
                // What the removed or replaced versions described: another report's resource that
                // points at one of them (a position superseding it, say) must still pass the rules.
                Set<Node> before = new LinkedHashSet<>();
                for (String id : toRemove) {
                    if (!database.containsGraph(KbNames.graph(id))) {
                        throw new Unchecked(new LoadException(Problem.error("data/reports/" + id + ".txt", "report-unknown",
                                "there is no report " + id + " in the project or in the database", "check the id")));
                    }
                    before.addAll(removeReport(database, id));
                }
                Map<String, String> files = new HashMap<>();
                List<Node> focus = new ArrayList<>();
                long[] quads = {0};
                ReportPipeline.Outcome outcome = ReportPipeline.readAll(reader, toRead, options, report -> {
                    before.addAll(removeReport(database, report.id()));
                    files.put(report.id(), report.file());
                    addGraph(database, report.graphName(), report.graph());
                    addGraph(database, report.entailmentsGraphName(), report.entailments());
                    report.graph().find().forEachRemaining(t -> focus.add(t.getSubject()));
                    quads[0] += report.quadCount();
                });
                throwIfAny(outcome.errors());
                for (Node resource : before) {
                    database.find(Node.ANY, Node.ANY, Node.ANY, resource).forEachRemaining(q -> focus.add(q.getSubject()));
                }
                throwIfAny(new AcrossReports(reader.shared().project().shapes())
                        .check(UnionDefaultGraph.of(database), new LinkedHashSet<>(focus), ResourceLocations.locator(database, files)));
                progress.marker("added " + quads[0] + " quads");
                replaced.addAll(toRemove);
                replaced.addAll(toRead);
                summary[0] = new Summary(outcome.loaded(), outcome.leftOut(), toRemove, quads[0],
                        Duration.ofNanos(System.nanoTime() - t0), outcome.warnings(), Map.of());
            });
            progress.marker("committed");
            // The full-text index follows, in one Lucene commit: if the process dies between the two
            // commits, search shows the report as it was until the next load (docs/scaling.md).
            Path index = KnowledgeBaseStore.textIndexOf(dbDir);
            if (index != null) {
                List<Node> graphs = replaced.stream().map(KbNames::graph).toList();
                ParleyTextIndex.replaceGraphs(index, database, graphs, graphs.stream()
                        .filter(g -> Txn.calculateRead(database, () -> database.containsGraph(g))).toList());
            }
            return summary[0];
        } catch (Unchecked e) {
            throw e.cause;
        } finally {
            stopWatching.run();
            KnowledgeBaseStore.release(database);
        }
    }

    /** A database written by {@link #loadIntoTdb2}, opened for reading as a knowledge base. */
    public static LoadedKnowledgeBase openTdb2(Path dbDir) throws LoadException {
        DatasetGraph database = KnowledgeBaseStore.connect(dbDir, true);
        return new LoadedKnowledgeBase(UnionDefaultGraph.of(database), List.of(), () -> KnowledgeBaseStore.release(database));
    }

    /** Removes a report's graph and entailments; returns what its graph described. */
    private static Set<Node> removeReport(DatasetGraph dataset, String id) {
        Set<Node> described = new LinkedHashSet<>();
        dataset.find(KbNames.graph(id), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> described.add(q.getSubject()));
        dataset.deleteAny(KbNames.graph(id), Node.ANY, Node.ANY, Node.ANY);
        dataset.deleteAny(KbNames.entailmentsOf(id), Node.ANY, Node.ANY, Node.ANY);
        return described;
    }

    private static void addGraph(DatasetGraph dataset, Node graphName, Graph graph) {
        graph.find().forEachRemaining(t -> dataset.add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private static void throwIfAny(List<Problem> errors) {
        if (!errors.isEmpty()) {
            throw new Unchecked(new LoadException(errors));
        }
    }

    /** Carries a LoadException out of a transaction's lambda, which aborts the transaction. */
    private static final class Unchecked extends RuntimeException {
        private final LoadException cause;

        Unchecked(LoadException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
