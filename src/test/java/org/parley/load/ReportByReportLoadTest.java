package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader.BadReports;
import org.parley.load.KnowledgeBaseLoader.Options;
import org.parley.load.KnowledgeBaseLoader.Summary;
import org.parley.vocab.KbNames;

/**
 * {@code load --db DIR --report ID}: one report added, replaced or removed in a stored knowledge
 * base, the rest untouched; and a whole load's choice between failing on a bad report and leaving
 * it out. Each case on a copy of the real project (the five reports).
 */
class ReportByReportLoadTest {

    private static final String R001 = "001_9922d820d04270db";
    private static final String R002 = "002_1e8011b04060517d";
    private static final String R003 = "003_5eda140543b3a4aa";

    @TempDir
    Path dir;

    @Test
    void replacingAReportChangesItsGraphsAndNoOther() throws Exception {
        Path project = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(project, db);
        Map<String, Long> before = graphSizes(db);

        // 003's curator drops the note on one position: one triple fewer in 003's graph.
        Path data = project.resolve("data/" + R003 + ".ttl");
        String note = noteLineOf(data);
        Fixtures.edit(data, note, "");
        Summary summary = KnowledgeBaseLoader.replaceReports(project, db, List.of(R003), Options.defaults());

        assertEquals(1, summary.reports());
        Map<String, Long> after = graphSizes(db);
        assertEquals(before.get(KbNames.graph(R003).getURI()) - 1, after.get(KbNames.graph(R003).getURI()));
        before.remove(KbNames.graph(R003).getURI());
        after.remove(KbNames.graph(R003).getURI());
        before.remove(KbNames.entailmentsOf(R003).getURI());
        after.remove(KbNames.entailmentsOf(R003).getURI());
        assertEquals(before, after, "every other graph as it was");
    }

    @Test
    void removingAReportWhoseFilesAreGoneDropsItsGraphs() throws Exception {
        Path project = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(project, db);
        Files.delete(project.resolve("data/" + R003 + ".ttl"));
        Files.delete(project.resolve("data/reports/" + R003 + ".txt"));

        Summary summary = KnowledgeBaseLoader.replaceReports(project, db, List.of(R003), Options.defaults());

        assertEquals(List.of(R003), summary.removed());
        Map<String, Long> after = graphSizes(db);
        assertFalse(after.containsKey(KbNames.graph(R003).getURI()));
        assertFalse(after.containsKey(KbNames.entailmentsOf(R003).getURI()));
        assertTrue(after.containsKey(KbNames.graph(R002).getURI()));
    }

    @Test
    void removingAReportThatAnotherReportSupersedesIsRefused() throws Exception {
        Path project = Fixtures.copyOfRealProject(dir.resolve("project"));
        // 002's first position is made to supersede a position of 001: valid while 001 is stored.
        Fixtures.edit(project.resolve("data/" + R002 + ".ttl"),
                "kb:c002-01 a parley:Position ;\n", "kb:c002-01 a parley:Position ;\n    parley:supersedes kb:c001-01 ;\n");
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(project, db);
        Map<String, Long> before = graphSizes(db);
        Files.delete(project.resolve("data/" + R001 + ".ttl"));
        Files.delete(project.resolve("data/reports/" + R001 + ".txt"));

        // Without 001, what 002's position supersedes is no position any more (its type in 002's
        // entailments, from the range of parley:supersedes, does not count: the rule reads what is stated).
        LoadException refused = assertThrows(LoadException.class,
                () -> KnowledgeBaseLoader.replaceReports(project, db, List.of(R001), Options.defaults()));

        assertTrue(refused.getMessage().contains("A position can only supersede another position."), refused.getMessage());
        assertTrue(refused.getMessage().contains("c002-01"), refused.getMessage());
        assertEquals(before, graphSizes(db), "nothing changed");
    }

    @Test
    void aReplacedReportThatCreditsAnotherReportsProposalIsRefusedAtThatProposal() throws Exception {
        Path project = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(project, db);
        Map<String, Long> before = graphSizes(db);
        // 003 (which never mentions report 000's phased approach) now gives its position c003-02 the
        // content "release civilian hostages first", a term of that proposal's first phase, which it
        // declares again: the rule's focus is the proposal in 000, which this load does not touch.
        Path data = project.resolve("data/" + R003 + ".ttl");
        String turtle = Files.readString(data);
        String c00302 = "kb:c003-02 a parley:Position ;";
        int at = turtle.indexOf("parley:hasContent kb:term-end-of-israeli-offensive ;", turtle.indexOf(c00302));
        turtle = turtle.substring(0, at) + "parley:hasContent kb:t000-release-civilian-hostages-first ;"
                + turtle.substring(at + "parley:hasContent kb:term-end-of-israeli-offensive ;".length())
                + "\nkb:t000-release-civilian-hostages-first a parley:Term ;\n"
                + "    rdfs:label \"release of civilian hostages held by Hamas, first\"@en ;\n"
                + "    parley:hasTermType kb:termtype-hostage-release .\n";
        Files.writeString(data, turtle);

        LoadException refused = assertThrows(LoadException.class,
                () -> KnowledgeBaseLoader.replaceReports(project, db, List.of(R003), Options.defaults()));

        assertTrue(refused.getMessage().contains("p000-phased-approach"), refused.getMessage());
        assertTrue(refused.getMessage().contains("never mentions the proposal"), refused.getMessage());
        assertEquals(before, graphSizes(db), "nothing changed");
    }

    @Test
    void anUnknownReportIsRefused() throws Exception {
        Path project = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(project, db);

        LoadException refused = assertThrows(LoadException.class,
                () -> KnowledgeBaseLoader.replaceReports(project, db, List.of("999_nothing"), Options.defaults()));

        assertTrue(refused.getMessage().contains("there is no report 999_nothing"), refused.getMessage());
    }

    @Test
    void aChangedSharedFileRefusesAReportOnItsOwn() throws Exception {
        Path project = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(project, db);
        Map<String, Long> before = graphSizes(db);
        Files.writeString(project.resolve("data/actors.ttl"), Files.readString(project.resolve("data/actors.ttl"))
                + "\nkb:Hamas rdfs:comment \"A note added after the load.\"@en .\n");

        LoadException refused = assertThrows(LoadException.class,
                () -> KnowledgeBaseLoader.replaceReports(project, db, List.of(R003), Options.defaults()));

        assertTrue(refused.getMessage().contains("data/actors.ttl"), refused.getMessage());
        assertTrue(refused.getMessage().contains("has changed since the database was loaded"), refused.getMessage());
        assertEquals(before, graphSizes(db));
    }

    @Test
    void aBadReportFailsTheWholeLoadUnlessTheUserChoosesToLeaveItOut() throws Exception {
        Path project = Fixtures.copyOfRealProject(dir.resolve("project"));
        Path db = dir.resolve("db");
        KnowledgeBaseLoader.loadIntoTdb2(project, db);
        Map<String, Long> before = graphSizes(db);
        // 002's first excerpt no longer matches its text at its offsets.
        Fixtures.edit(project.resolve("data/" + R002 + ".ttl"), "oa:start 59 ; oa:end 361", "oa:start 60 ; oa:end 362");

        LoadException refused = assertThrows(LoadException.class, () -> KnowledgeBaseLoader.loadIntoTdb2(project, db));
        assertTrue(refused.getMessage().contains("data/" + R002 + ".ttl"), refused.getMessage());
        assertEquals(before, graphSizes(db), "all or nothing: nothing");

        Summary summary = KnowledgeBaseLoader.loadIntoTdb2(project, db, Options.defaults().badReports(BadReports.SKIP));
        assertEquals(4, summary.reports());
        assertEquals(List.of(R002), summary.leftOut());
        Map<String, Long> after = graphSizes(db);
        assertFalse(after.containsKey(KbNames.graph(R002).getURI()));
        assertEquals(before.get(KbNames.graph(R003).getURI()), after.get(KbNames.graph(R003).getURI()));
    }

    /** The first rdfs:comment line of a report's data file (a note, not a fact). */
    private static String noteLineOf(Path data) throws Exception {
        for (String line : Files.readAllLines(data)) {
            if (line.strip().startsWith("rdfs:comment ") && line.strip().endsWith(";")) {
                return line + "\n";
            }
        }
        throw new IllegalStateException(data + " has no rdfs:comment line ending in ';'");
    }

    private static Map<String, Long> graphSizes(Path db) throws Exception {
        DatasetGraph database = KnowledgeBaseStore.connect(db, true);
        try {
            return Txn.calculateRead(database, () -> {
                Map<String, Long> sizes = new TreeMap<>();
                database.listGraphNodes().forEachRemaining(g -> sizes.put(g.getURI(), (long) database.getGraph(g).size()));
                return sizes;
            });
        } finally {
            KnowledgeBaseStore.release(database);
        }
    }
}
