package org.parley.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.query.QueryLibrary;
import org.parley.query.SelectRows;

/**
 * A generated corpus of 20 reports, loaded by the real loader (every load check: report files,
 * claims in their reports, excerpts verbatim at their offsets, terms declared, SHACL), gives every
 * library question work to do, and has the proportions of the five real reports.
 */
class GeneratedCorpusTest {

    private static final int REPORTS = 20;

    @TempDir
    static Path temp;

    private static Path corpus;
    private static LoadedKnowledgeBase kb;

    @BeforeAll
    static void generateAndLoad() throws Exception {
        corpus = temp.resolve("corpus");
        // Episodes of two reports: ten rounds of talks dated over three years (every month name the
        // shapes might misread, May among them), each with two reports that may disagree.
        CorpusGenerator.generate(Path.of("."), corpus, REPORTS, 42, 2);
        // Throws, naming each problem, if any load check fails.
        kb = KnowledgeBaseLoader.load(corpus);
    }

    @AfterAll
    static void close() {
        if (kb != null) {
            kb.close();
        }
    }

    @Test
    void loadsWithoutWarningsAndWithEveryReport() {
        assertEquals(List.of(), kb.warnings());
        assertEquals(REPORTS, count("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a parley:Report }"));
        assertTrue(count("SELECT (COUNT(*) AS ?n) WHERE { ?c parley:dateAsReported ?d FILTER (STRSTARTS(?d, \"May \")) }") > 0,
                "a round dated in May, whose name the shapes would read as a hedge");
    }

    @TestFactory
    Stream<DynamicTest> everyLibraryQueryHasWorkToDo() {
        List<QueryLibrary.Entry> entries = QueryLibrary.entries(corpus.resolve("queries"));
        assertEquals(QueryLibrary.entries(Path.of("queries")).size(), entries.size(), "the library is copied whole");
        return entries.stream().filter(entry -> !entry.isFederated()).flatMap(entry -> {
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(entry.name(), () -> assertFalse(
                    select(entry.text(), Map.of()).isEmpty(), entry.name() + " returns no row on the generated corpus")));
            for (String parameter : entry.parameters()) {
                // The party-filtered questions, for one party (the real parties are the generated ones).
                tests.add(DynamicTest.dynamicTest(entry.name() + " ?" + parameter + "=Israel", () -> assertFalse(
                        select(entry.text(), Map.of(parameter, "Israel")).isEmpty(),
                        entry.name() + " returns no row for Israel")));
            }
            return tests.stream();
        });
    }

    @Test
    void theQuestionsAboutChangeConflictAndCollisionFindTheirCases() {
        List<Map<String, String>> changes = select(library("position-changes"), Map.of());
        assertTrue(changes.stream().anyMatch(row -> row.get("supersedes") != null), "a position that supersedes another");
        List<Map<String, String>> collisions = select(library("collisions"), Map.of());
        assertTrue(collisions.stream().anyMatch(row -> "rejects".equals(row.get("kind"))));
        assertTrue(collisions.stream().anyMatch(row -> "rules out".equals(row.get("kind"))));
        List<Map<String, String>> conflicts = select(library("conflicting-claims"), Map.of());
        assertTrue(conflicts.stream().anyMatch(row -> row.get("topicLabel").startsWith("number of")), "conflicting numbers");
        assertTrue(conflicts.stream().anyMatch(row -> row.get("topicLabel").startsWith("date round")), "conflicting days");
        List<Map<String, String>> corroboration = select(library("corroboration"), Map.of());
        assertTrue(corroboration.stream().anyMatch(row -> "corroborated".equals(row.get("support"))));
        List<Map<String, String>> timeline = select(library("timeline"), Map.of());
        assertTrue(timeline.stream().anyMatch(row -> row.get("month") != null && row.get("day") != null));
        assertTrue(timeline.stream().anyMatch(row -> row.get("month") == null), "undated events too");
    }

    /*
     * The real corpus, counted by hand from data/0*.ttl of the five real reports: 135 claims, of which
     * 69 positions, 30 event claims, 12 figure claims, 10 proposal claims, 14 affiliations; 12 claims
     * carry a quotation (7 direct, 5 partial quotes); 30 cite a source; of the 69 positions Hamas is the
     * party of 29, Israel of 17, the United States of 11, and 15 are demands; 36 are voiced by someone;
     * 15 anonymous sources; 10 proposals.
     */
    private static final double REAL_REPORTS = 5;

    @Test
    void proportionsAreNearThoseOfTheRealReports() {
        double reports = REPORTS;
        long claims = count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c parley:inReport ?r }");
        long positions = countOf("parley:Position");
        assertNear("claims per report", 135 / REAL_REPORTS, claims / reports, 0.2);
        assertNear("positions per report", 69 / REAL_REPORTS, positions / reports, 0.2);
        assertNear("event claims per report", 30 / REAL_REPORTS, countOf("parley:EventClaim") / reports, 0.3);
        assertNear("figure claims per report", 12 / REAL_REPORTS, countOf("parley:FigureClaim") / reports, 0.35);
        assertNear("proposal claims per report", 10 / REAL_REPORTS, countOf("parley:ProposalClaim") / reports, 0.3);
        assertNear("affiliations per report", 14 / REAL_REPORTS, countOf("parley:Affiliation") / reports, 0.35);
        assertNear("share of claims with a quotation", 12 / 135.0,
                count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c parley:quotation ?q }") / (double) claims, 0.35);
        assertNear("share of claims citing a source", 30 / 135.0,
                count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c parley:citesSource ?s }") / (double) claims, 0.4);
        assertNear("share of positions held by Hamas", 29 / 69.0, party("Hamas") / (double) positions, 0.2);
        assertNear("share of positions held by Israel", 17 / 69.0, party("Israel") / (double) positions, 0.3);
        assertNear("share of positions held by the United States", 11 / 69.0, party("UnitedStates") / (double) positions, 0.4);
        assertNear("share of positions that are demands", 15 / 69.0,
                count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p parley:hasStance parley:demand }") / (double) positions, 0.3);
        assertNear("share of positions voiced by someone", 36 / 69.0,
                count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a parley:Position ; parley:voicedBy ?v }") / (double) positions, 0.25);
        assertNear("anonymous sources per report", 15 / REAL_REPORTS, countOf("parley:AnonymousSource") / reports, 0.35);
        // The real reports hold 5, 1, 1, 1 and 2 proposals (mean 2, median 1); generated ones 1 or 2.
        assertNear("proposals per report", 10 / REAL_REPORTS, countOf("parley:Proposal") / reports, 0.45);
    }

    private static void assertNear(String what, double real, double generated, double relativeTolerance) {
        System.out.printf("proportion: %-45s generated %7.3f, real %7.3f%n", what, generated, real);
        assertTrue(Math.abs(generated - real) <= relativeTolerance * real,
                String.format("%s: %.3f generated, %.3f in the real reports (tolerance %.0f %%)", what, generated, real,
                        relativeTolerance * 100));
    }

    private static long party(String localName) {
        return count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a parley:Position ; parley:hasParty <https://w3id.org/parley/kb/"
                + localName + "> }");
    }

    private static long countOf(String type) {
        return count("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a " + type + " }");
    }

    private static long count(String select) {
        List<Map<String, String>> rows = select("PREFIX parley: <https://w3id.org/parley/ontology#>\n" + select, Map.of());
        return Long.parseLong(rows.get(0).get("n"));
    }

    private static String library(String name) {
        return QueryLibrary.entries(corpus.resolve("queries")).stream().filter(e -> e.name().equals(name))
                .findFirst().orElseThrow().text();
    }

    private static List<Map<String, String>> select(String text, Map<String, String> parameters) {
        return SelectRows.select(kb.datasetGraph(), QueryFactory.create(text), parameters);
    }
}
