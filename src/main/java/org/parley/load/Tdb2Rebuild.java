package org.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.parley.validate.Problem;

/**
 * A whole TDB2 database written anew by one of Jena's bulk loaders, and switched in only when
 * complete. The bulk loaders are the fast way to write a large database, but they are not
 * transactional: a process killed in the middle leaves what they wrote half done. So they write a
 * new storage directory beside the live one, as TDB2's own compaction does ({@code Data-NNNN-tmp},
 * which TDB2 deletes when it next opens the database), and the finished directory is renamed to
 * the next {@code Data-NNNN}, the one TDB2 opens (the highest number). The rename is the commit
 * point: before it the database holds the old knowledge base, after it the new one; the old
 * storage is then deleted.
 */
final class Tdb2Rebuild implements AutoCloseable {

    private static final Pattern STORAGE = Pattern.compile("Data-(\\d+)");

    private final Path dbDir;
    private final Path workDir;
    private final Path finalStorage;
    private final DatasetGraph dataset;
    private final DataLoader loader;
    private final StreamRDF stream;
    private final WriteProgress progress;
    /** Whether this load made the database directory: a failed first load leaves no directory behind. */
    private final boolean created;
    private boolean loading = true;
    private boolean done;

    private Tdb2Rebuild(Path dbDir, Path workDir, Path finalStorage, BulkLoader kind, WriteProgress progress,
                        boolean created) {
        this.dbDir = dbDir;
        this.created = created;
        this.workDir = workDir;
        this.finalStorage = finalStorage;
        this.progress = progress;
        this.dataset = DatabaseMgr.connectDatasetGraph(Location.create(workDir));
        this.loader = kind.create(dataset);
        loader.startBulk();
        this.stream = loader.stream();
        stream.start();
    }

    /**
     * Starts writing a new knowledge base for the database in dbDir (created if absent; a non-empty
     * directory that is not a TDB2 database is refused). The live database is not touched.
     */
    static Tdb2Rebuild start(Path dbDir, BulkLoader kind, WriteProgress progress) throws LoadException {
        boolean created = !Files.exists(dbDir);
        if (KnowledgeBaseStore.isDatabase(dbDir)) {
            // Opening it checks that it is a database not in use by another process.
            KnowledgeBaseStore.release(KnowledgeBaseStore.connect(dbDir, true));
        } else if (!created && !KnowledgeBaseStore.isEmptyDirectory(dbDir)) {
            KnowledgeBaseStore.connect(dbDir, false); // refuses it, saying why
        }
        int next = storageNumbers(dbDir).stream().max(Integer::compare).orElse(0) + 1;
        String name = String.format(Locale.ROOT, "Data-%04d", next);
        Path work = dbDir.resolve(name + "-tmp");
        try {
            deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new LoadException(Problem.error(work.toString(), KnowledgeBaseStore.DB_RULE,
                    "cannot create the new storage: " + e.getMessage(), "check the disk space and permissions"));
        }
        progress.marker("begun");
        return new Tdb2Rebuild(dbDir, work, dbDir.resolve(name), kind, progress, created);
    }

    void prefixes(PrefixMapping prefixes) {
        prefixes.getNsPrefixMap().forEach(stream::prefix);
    }

    void add(Node graphName, Graph graph) {
        graph.find().forEachRemaining(t -> {
            stream.quad(org.apache.jena.sparql.core.Quad.create(graphName, t));
            progress.quadAdded();
        });
    }

    /** Ends the bulk write; the new knowledge base can then be read ({@link #dataset()}) before the switch. */
    void finishLoading() {
        stream.finish();
        loader.finishBulk();
        loading = false;
        progress.marker("added " + progress.quads() + " quads");
    }

    /** The new knowledge base, for reading after {@link #finishLoading()} and before {@link #commit()}. */
    DatasetGraph dataset() {
        return dataset;
    }

    /**
     * Where the new storage keeps its full-text index until the switch: inside the storage
     * directory, so that the index is switched in with the data it indexes.
     */
    Path newTextIndex() {
        return workDir.resolve("Data-0001").resolve(KnowledgeBaseStore.TEXT_INDEX);
    }

    /** Switches the database to the new knowledge base and deletes the old one. */
    void commit() throws LoadException {
        TDBInternal.expel(dataset);
        Path built = workDir.resolve("Data-0001");
        try {
            progress.marker("built");
            Files.move(built, finalStorage, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            progress.marker("switched");
            deleteTree(workDir);
            for (int n : storageNumbers(dbDir)) {
                Path old = dbDir.resolve(String.format(Locale.ROOT, "Data-%04d", n));
                if (!old.equals(finalStorage)) {
                    deleteTree(old);
                }
            }
        } catch (IOException e) {
            if (!done) {
                throw new LoadException(Problem.error(dbDir.toString(), KnowledgeBaseStore.DB_RULE,
                        "cannot switch to the new storage: " + e.getMessage(), "the database still holds the old knowledge base"));
            }
            // Switched: an old storage left behind is only disk space; the next load deletes it.
        }
        progress.marker("committed");
    }

    /** Leaves the database as it was: the new storage is deleted. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        if (loading) {
            loader.finishException(new IllegalStateException("load abandoned"));
        }
        TDBInternal.expel(dataset);
        try {
            deleteTree(created ? dbDir : workDir);
        } catch (IOException ignored) {
            // TDB2 deletes a Data-NNNN-tmp directory itself the next time the database is opened.
        }
        done = true;
    }

    private static List<Integer> storageNumbers(Path dbDir) {
        if (!Files.isDirectory(dbDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dbDir)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> STORAGE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
