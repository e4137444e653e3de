package org.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;

/**
 * Creating, filling and opening the datasets that hold a knowledge base: in memory (Jena's
 * transactional in-memory dataset) for a load from the sources, TDB2 on disk for {@code --db}.
 */
final class KnowledgeBaseStore {

    static final String DB_RULE = "tdb2-database";

    private KnowledgeBaseStore() {
    }

    /**
     * In memory, with the union as default graph. Not TDB2 in memory: building that one costs
     * about a second of class loading and set-up at every start (docs/benchmark.md), against
     * about a tenth of a second here.
     */
    static DatasetGraph inMemory() {
        return UnionDefaultGraph.of(DatasetGraphFactory.createTxnMem());
    }

    /**
     * Opens (creating if needed) the database in dir; refuses a non-empty directory that is not one.
     * The TDB2 dataset itself, for writing and releasing; readers get {@link UnionDefaultGraph#of} it.
     */
    static DatasetGraph connect(Path dir, boolean mustExist) throws LoadException {
        boolean exists = isDatabase(dir);
        if (mustExist && !exists) {
            throw new LoadException(Problem.error(dir.toString(), DB_RULE, "there is no TDB2 database here",
                    "create it with: parley load --db " + dir));
        }
        if (!exists && Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new LoadException(Problem.error(dir.toString(), DB_RULE,
                    "the directory is not empty and is not a TDB2 database", "choose a new or empty directory"));
        }
        return DatabaseMgr.connectDatasetGraph(Location.create(dir));
    }

    /**
     * Replaces everything in the dataset with the project's graphs and the entailments, in one write
     * transaction: if anything fails the transaction aborts and the dataset stays as it was. A process
     * killed during the write leaves TDB2 with the old contents: the next connect discards the
     * uncommitted work (CrashSafetyTest kills {@code parley load --db} at points marked by
     * {@link WriteProgress}, off unless a test asks for it).
     */
    static void replaceContents(DatasetGraph dataset, ParsedProject project, Graph entailments) {
        WriteProgress progress = WriteProgress.fromSystemProperties();
        Runnable stopWatching = progress.watchCommit(dataset);
        try {
            progress.marker("ready");
            Txn.executeWrite(dataset, () -> {
                progress.marker("begun");
                dataset.clear();
                dataset.prefixes().clear();
                progress.marker("cleared");
                addGraph(dataset, KbNames.ONTOLOGY_GRAPH, project.ontology(), progress);
                for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
                    addGraph(dataset, entry.getKey(), entry.getValue(), progress);
                }
                addGraph(dataset, KbNames.ENTAILMENTS_GRAPH, entailments, progress);
                dataset.prefixes().putAll(project.prefixes().getNsPrefixMap());
                progress.marker("added " + progress.quads() + " quads");
            });
            progress.marker("committed");
        } finally {
            stopWatching.run();
        }
    }

    /** Releases a TDB2 database's files; an in-memory dataset needs nothing. */
    static void release(DatasetGraph dataset) {
        if (TDBInternal.isBackedByTDB(dataset)) {
            TDBInternal.expel(dataset);
        }
    }

    private static void addGraph(DatasetGraph dataset, Node graphName, Graph graph, WriteProgress progress) {
        graph.find().forEachRemaining(triple -> {
            dataset.add(graphName, triple.getSubject(), triple.getPredicate(), triple.getObject());
            progress.quadAdded();
        });
    }

    /** TDB2 keeps its data in numbered Data-NNNN directories. */
    private static boolean isDatabase(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(entry -> Files.isDirectory(entry)
                    && entry.getFileName().toString().startsWith("Data-"));
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException unreadable) {
            return false;
        }
    }
}
