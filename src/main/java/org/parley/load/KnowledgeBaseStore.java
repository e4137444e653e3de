package org.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.parley.validate.Problem;

/**
 * Creating, filling and opening the datasets that hold a knowledge base: in memory (Jena's
 * transactional in-memory dataset) for a load from the sources, TDB2 on disk for {@code --db}.
 */
public final class KnowledgeBaseStore {

    static final String DB_RULE = "tdb2-database";

    /** The full-text index's directory inside a TDB2 storage directory (Data-NNNN). */
    static final String TEXT_INDEX = "text-index";

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
     * The full-text index of the database in dbDir, kept inside its current storage directory
     * ({@code Data-NNNN/text-index}) so that a load switches it in with the data; null if the
     * database has none.
     */
    public static Path textIndexOf(Path dbDir) {
        if (dbDir == null || !Files.isDirectory(dbDir)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(dbDir)) {
            return entries.filter(p -> p.getFileName().toString().matches("Data-\\d+") && Files.isDirectory(p))
                    .max(Path::compareTo)
                    .map(storage -> storage.resolve(TEXT_INDEX))
                    .filter(Files::isDirectory)
                    .orElse(null);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** Releases a TDB2 database's files; an in-memory dataset needs nothing. */
    static void release(DatasetGraph dataset) {
        if (TDBInternal.isBackedByTDB(dataset)) {
            TDBInternal.expel(dataset);
        }
    }

    /** TDB2 keeps its data in numbered Data-NNNN directories. */
    static boolean isDatabase(Path dir) {
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

    static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException unreadable) {
            return false;
        }
    }
}
