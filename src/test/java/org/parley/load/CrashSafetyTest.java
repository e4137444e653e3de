package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ChildJvm;
import org.parley.Fixtures;

/**
 * "kill -9 leaves a usable database", proven: {@code parley load --db} runs as a real child JVM that
 * replaces an old knowledge base with a new one, and is killed with SIGKILL at known points of the
 * write. The child's write is paused at each point by the {@link WriteProgress} hook (it waits for a
 * line on stdin after printing a marker), so the test knows where the kill landed from the markers
 * it read, not from timing. After each kill the database is opened as {@code parley serve --db}
 * would open it, and must hold the complete old knowledge base (killed before the commit point) or
 * the complete new one (killed after), never a mix: same number of quads and the same
 * order-independent checksum of all quads and prefixes. Two ways of writing, two commit points:
 *
 * <ul>
 * <li>A whole load is written by a TDB2 bulk loader into new storage beside the old
 * ({@link Tdb2Rebuild}); the rename that switches to it is the commit point ("switched"). Before it,
 * the old storage's files are untouched; a half-written new storage ({@code Data-NNNN-tmp}) is
 * deleted by TDB2 when it opens the database.</li>
 * <li>One report replaced ({@code --report ID}) is one TDB2 write transaction: a journal that holds
 * the prepared state without a commit record (kill at "prepared") is discarded; one with the commit
 * record (kill at "journal-committed", after the commit point and before the journal is cleared) is
 * replayed; either way on connect.</li>
 * </ul>
 * The lock file names the dead process, which TDB2 sees is gone and takes over. Not covered: power
 * loss, where the OS's unwritten pages are lost too (the kill leaves them).
 */
class CrashSafetyTest {

    /** A marker every this many quads: with about 1,350 quads in the new knowledge base, 10 markers. */
    private static final int EVERY = 125;

    /** Extra organisations in the new knowledge base (each gives 2 quads, plus 1 entailed type). */
    private static final int EXTRA_ACTORS = 400;

    private static final String REPORT = "002_bbbbbbbbbbbbbbbb";

    private static final List<String> CHILD_JVM = List.of(
            "-D" + WriteProgress.PROPERTY + "=" + EVERY,
            "-D" + WriteProgress.AWAIT_PROPERTY + "=true",
            "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    @Test
    void aWholeLoadKilledAnywhereLeavesTheCompleteOldOrTheCompleteNewKnowledgeBase() throws Exception {
        OldAndNew kbs = oldAndNew(projectWithExtraActors(dir.resolve("new-project")));

        List<String> markers = new ArrayList<>(List.of("ready", "begun"));
        for (long n = EVERY; n <= kbs.newContents().quads(); n += EVERY) {
            markers.add(n + " quads");
        }
        markers.addAll(List.of("added " + kbs.newContents().quads() + " quads", "built", "switched", "committed"));
        List<String> killPoints = killPoints(markers);
        assertTrue(killPoints.size() >= 9, "kill points: " + killPoints);

        killAtEach("whole load", kbs, markers, killPoints, "switched",
                db -> List.of("load", "--db", db.toString(), "--root", kbs.newProject().toString()),
                (killPoint, db, committed) -> {
                    if (!committed) {
                        // The bulk loader wrote only into the new storage: the old one is as it was.
                        Path oldStorage = storage(kbs.oldDb());
                        assertTrue(sameFiles(oldStorage, db.resolve(kbs.oldDb().relativize(oldStorage).toString())),
                                "the old storage changed before the switch, at " + killPoint);
                    }
                    return "";
                });
    }

    @Test
    void aReportReplacementKilledAnywhereLeavesTheCompleteOldOrTheCompleteNewKnowledgeBase() throws Exception {
        OldAndNew kbs = oldAndNew(projectWithAChangedReport(dir.resolve("new-project")));

        long reportQuads = kbs.newContents().quads() - kbs.oldContents().quads()
                + Contents.reportQuads(kbs.oldDb(), REPORT);
        List<String> markers = List.of("ready", "begun", "added " + reportQuads + " quads", "prepared", "journal-committed",
                "commit-finished", "committed");
        killAtEach("one report", kbs, markers, markers, "journal-committed",
                db -> List.of("load", "--db", db.toString(), "--root", kbs.newProject().toString(), "--report", REPORT),
                (killPoint, db, committed) -> {
                    long journalBytes = journalBytes(db); // non-empty: the reopening replays or discards it
                    if (killPoint.equals("prepared") || killPoint.equals("journal-committed")) {
                        // The reopening had a journal to deal with: discard it (no commit record) or replay it.
                        assertTrue(journalBytes > 0, "an empty journal after the kill at " + killPoint);
                    }
                    return String.format("journal %6d bytes, ", journalBytes);
                });
    }

    /** The old knowledge base (the valid miniature) in a database, and the new one's project; both contents. */
    private record OldAndNew(Path oldDb, Contents oldContents, Path newProject, Contents newContents) {}

    private OldAndNew oldAndNew(Path newProject) throws LoadException {
        Path oldDb = dir.resolve("old-db");
        KnowledgeBaseLoader.loadIntoTdb2(Fixtures.validProject(), oldDb);
        Path cleanNewDb = dir.resolve("clean-new-db");
        KnowledgeBaseLoader.loadIntoTdb2(newProject, cleanNewDb);
        OldAndNew kbs = new OldAndNew(oldDb, Contents.of(oldDb), newProject, Contents.of(cleanNewDb));
        assertNotEquals(kbs.oldContents(), kbs.newContents(), "the old and new knowledge bases must be told apart");
        return kbs;
    }

    /** What a test checks of a killed database before it is reopened; returns a note for the summary. */
    @FunctionalInterface
    private interface BeforeReopen {
        String check(String killPoint, Path db, boolean committed) throws IOException;
    }

    /**
     * For each kill point: a fresh copy of the old database, the load (args for that copy) killed
     * there, the markers seen up to it, the write-specific checks, and the reopened database holding
     * the complete old knowledge base (killed before commitPoint) or the complete new one.
     */
    private void killAtEach(String write, OldAndNew kbs, List<String> markers, List<String> killPoints,
            String commitPoint, Function<Path, List<String>> args, BeforeReopen beforeReopen) throws Exception {
        List<String> summary = new ArrayList<>();
        for (String killPoint : killPoints) {
            Path db = copyOf(kbs.oldDb(), dir.resolve("db-" + summary.size()));
            List<String> seen = loadAndKillAt(killPoint, db, args.apply(db).toArray(String[]::new));

            int at = markers.indexOf(killPoint);
            assertEquals(markers.subList(0, at + 1), seen, "markers before the kill at " + killPoint);
            boolean committed = at >= markers.indexOf(commitPoint);
            String note = beforeReopen.check(killPoint, db, committed);
            Contents after = Contents.of(db);
            assertEquals(committed ? kbs.newContents() : kbs.oldContents(), after,
                    "after a kill at '" + killPoint + "' the database must hold the complete "
                            + (committed ? "new" : "old") + " knowledge base (old: " + kbs.oldContents() + ", new: "
                            + kbs.newContents() + ")");
            summary.add(String.format("%-18s markers seen %2d, %sreopened: %s", killPoint, seen.size(), note,
                    after.equals(kbs.newContents()) ? "new" : "old"));
        }
        System.out.println("CrashSafetyTest (" + write + "): " + killPoints.size() + " kills; old " + kbs.oldContents()
                + ", new " + kbs.newContents() + "\n  " + String.join("\n  ", summary));
    }

    /**
     * Starts {@code parley ARGS} with the write paused at each marker, lets it go on marker by marker
     * until killPoint, kills it there (SIGKILL) and returns the markers seen.
     */
    private static List<String> loadAndKillAt(String killPoint, Path db, String... args) {
        List<String> seen = new ArrayList<>();
        try (ChildJvm load = ChildJvm.parley(db.getParent(), CHILD_JVM, args)) {
            while (true) {
                String line = load.awaitErrLine(l -> l.startsWith(WriteProgress.PREFIX), ChildJvm.HANG_GUARD);
                String marker = line.substring(WriteProgress.PREFIX.length());
                seen.add(marker);
                if (marker.equals(killPoint)) {
                    // The child now waits on stdin, at this marker, until it is killed.
                    assertTrue(load.process().isAlive(), "the child ended before the kill at " + killPoint);
                    load.kill();
                    return seen;
                }
                load.sendLine("go on");
            }
        }
    }

    /**
     * Every marker that is not a quad count, and the first, a middle and the last quad count: before
     * the write, with the new storage begun, while adding, after adding, with the new storage complete
     * and closed, after the switch, and after the old storage was deleted.
     */
    private static List<String> killPoints(List<String> markers) {
        List<String> counts = markers.stream().filter(m -> m.matches("\\d+ quads")).toList();
        Set<String> points = new LinkedHashSet<>();
        for (String marker : markers) {
            if (!marker.matches("\\d+ quads") || marker.equals(counts.get(0))
                    || marker.equals(counts.get(counts.size() / 2)) || marker.equals(counts.get(counts.size() - 1))) {
                points.add(marker);
            }
        }
        return new ArrayList<>(points);
    }

    /** The valid miniature with report 002 saying more (comments on its report): only that report differs. */
    private static Path projectWithAChangedReport(Path root) throws IOException {
        Fixtures.copyOfValidProject(root);
        StringBuilder turtle = new StringBuilder("\n# Added by CrashSafetyTest: the new knowledge base differs by these.\n");
        for (int i = 1; i <= 40; i++) {
            turtle.append("<https://w3id.org/parley/kb/report/").append(REPORT)
                    .append("> <http://www.w3.org/2000/01/rdf-schema#comment> \"Note ").append(i).append("\"@en .\n");
        }
        Files.writeString(root.resolve("data/" + REPORT + ".ttl"), turtle.toString(), StandardOpenOption.APPEND);
        return root;
    }

    /** The valid miniature plus data/generated.ttl with many organisations: a larger, different graph. */
    private static Path projectWithExtraActors(Path root) throws IOException {
        Fixtures.copyOfValidProject(root);
        StringBuilder turtle = new StringBuilder("""
                # Generated by CrashSafetyTest: the new knowledge base differs from the old by this graph.
                @prefix parley: <https://w3id.org/parley/ontology#> .
                @prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix actor:  <https://w3id.org/parley/kb/actor/> .
                """);
        for (int i = 1; i <= EXTRA_ACTORS; i++) {
            turtle.append("actor:generated-").append(i).append(" a parley:Organisation ; rdfs:label \"Generated ")
                    .append(i).append("\"@en .\n");
        }
        Files.writeString(root.resolve("data/generated.ttl"), turtle.toString());
        return root;
    }

    /**
     * A copy of a database directory that keeps its files sparse: TDB2 makes each index file 8 MB at
     * once, mostly holes; a plain copy would write them out in full (about 190 MB a database).
     */
    private static Path copyOf(Path db, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(db)) {
            for (Path source : paths.toList()) {
                Path target = copy.resolve(db.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    sparseCopy(source, target);
                }
            }
        }
        return copy;
    }

    private static void sparseCopy(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            long position = 0;
            while (in.read(block, position) > 0) {
                block.flip();
                if (!allZero(block)) {
                    out.write(block, position);
                }
                position += block.limit();
                block.clear();
            }
            if (out.size() < position) {
                out.write(ByteBuffer.allocate(1), position - 1); // the length, with a hole before it
            }
        }
    }

    private static boolean allZero(ByteBuffer block) {
        for (int i = block.position(); i < block.limit(); i++) {
            if (block.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether two database directories hold the same files with the same bytes (the lock file aside). */
    private static boolean sameFiles(Path a, Path b) throws IOException {
        List<Path> filesA = dataFiles(a);
        if (!filesA.equals(dataFiles(b))) {
            return false;
        }
        for (Path file : filesA) {
            if (Files.mismatch(a.resolve(file), b.resolve(file)) != -1) {
                return false;
            }
        }
        return true;
    }

    /** The files of a database, relative to it, without tdb.lock (it holds the last writer's pid). */
    private static List<Path> dataFiles(Path db) throws IOException {
        try (Stream<Path> paths = Files.walk(db)) {
            return paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("tdb.lock"))
                    .map(db::relativize).sorted().toList();
        }
    }

    /** The database's storage directory: TDB2 opens the highest-numbered Data-NNNN. */
    private static Path storage(Path db) throws IOException {
        try (Stream<Path> entries = Files.list(db)) {
            return entries.filter(p -> p.getFileName().toString().matches("Data-\\d+")).max(Path::compareTo).orElseThrow();
        }
    }

    private static long journalBytes(Path db) throws IOException {
        try (Stream<Path> paths = Files.walk(db)) {
            long bytes = 0;
            for (Path journal : paths.filter(p -> p.getFileName().toString().endsWith(".jrnl")).toList()) {
                bytes += Files.size(journal);
            }
            return bytes;
        }
    }

    /**
     * What a database holds, order-independently: the number of quads, a checksum (the sum of a hash of
     * each quad's N-Quads line) and the same for the prefixes. Blank node labels are left out of the
     * lines: two loads of the same files label blank nodes differently.
     */
    record Contents(long quads, long quadChecksum, long prefixChecksum) {

        static Contents of(Path db) throws LoadException {
            try (LoadedKnowledgeBase opened = KnowledgeBaseLoader.openTdb2(db)) {
                DatasetGraph dataset = opened.datasetGraph();
                return Txn.calculateRead(dataset, () -> {
                    long[] sums = new long[3];
                    dataset.find().forEachRemaining(quad -> {
                        sums[0]++;
                        sums[1] += hash(nQuadsLine(quad));
                    });
                    dataset.prefixes().forEach((prefix, uri) -> sums[2] += hash(prefix + " " + uri));
                    return new Contents(sums[0], sums[1], sums[2]);
                });
            }
        }

        /** Quads in a report's graph and its entailments graph. */
        static long reportQuads(Path db, String id) throws LoadException {
            try (LoadedKnowledgeBase opened = KnowledgeBaseLoader.openTdb2(db)) {
                DatasetGraph dataset = opened.datasetGraph();
                return Txn.calculateRead(dataset, () -> dataset.getGraph(org.parley.vocab.KbNames.graph(id)).size()
                        + (long) dataset.getGraph(org.parley.vocab.KbNames.entailmentsOf(id)).size());
            }
        }

        @Override
        public String toString() {
            return String.format("%d quads, checksum %016x/%016x", quads, quadChecksum, prefixChecksum);
        }
    }

    private static final Node BLANK = NodeFactory.createBlankNode("b");

    private static String nQuadsLine(Quad quad) {
        return NodeFmtLib.strNQ(unlabelled(quad.getGraph()), unlabelled(quad.getSubject()),
                unlabelled(quad.getPredicate()), unlabelled(quad.getObject()));
    }

    private static Node unlabelled(Node node) {
        return node.isBlank() ? BLANK : node;
    }

    private static long hash(String line) {
        byte[] digest = sha256().digest(line.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
