package org.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

/**
 * The fidelity test from reading: src/test/resources/fidelity/facts.tsv holds facts a curator read
 * in the five reports (who, stance, content, polarity, modality, condition, figure, with the
 * report's words as evidence), and each must be what the views say: a row of queries/positions.rq
 * or of queries/proposals.rq. One dynamic test per fact, named by its line.
 */
class FidelityFactsTest {

    private static final Path FACTS = Path.of("src/test/resources/fidelity/facts.tsv");
    private static final List<String> COLUMNS = List.of("view", "article", "party", "speaker", "stance", "content",
            "polarity", "modality", "precondition", "figure", "evidence", "addressee", "date");

    private static LoadedKnowledgeBase kb;
    private static List<Map<String, String>> positions;
    private static List<Map<String, String>> proposals;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBaseLoader.load(Path.of("."));
        positions = select(Path.of("queries/positions.rq"));
        proposals = select(Path.of("queries/proposals.rq"));
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    /** A fact of the table, with the line it is on. */
    private record Fact(int line, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }

        boolean none(String column) {
            return "-".equals(cells.get(column));
        }

        @Override
        public String toString() {
            return "facts.tsv line " + line + ": " + cells;
        }
    }

    private static List<Fact> facts() throws Exception {
        List<String> lines = Files.readAllLines(FACTS, StandardCharsets.UTF_8);
        List<Fact> facts = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header) {
                assertEquals(COLUMNS, List.of(cells), "the table's header");
                header = false;
                continue;
            }
            assertEquals(COLUMNS.size(), cells.length, "facts.tsv line " + (i + 1) + " has " + cells.length + " cells");
            Map<String, String> fact = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                fact.put(COLUMNS.get(c), cells[c]);
            }
            facts.add(new Fact(i + 1, fact));
        }
        return facts;
    }

    @Test
    void theTableHoldsAtLeastFortyFactsFromEveryReport() throws Exception {
        List<Fact> facts = facts();
        assertTrue(facts.size() >= 40, "only " + facts.size() + " facts");
        assertEquals(Set.of("000", "001", "002", "003", "004"),
                facts.stream().map(f -> f.get("article")).collect(Collectors.toSet()));
        assertTrue(facts.stream().anyMatch(f -> "negated".equals(f.get("polarity"))), "a negated fact");
        assertTrue(facts.stream().anyMatch(f -> !f.none("precondition")), "a conditioned fact");
        assertTrue(facts.stream().anyMatch(f -> !f.none("figure")), "a figure");
        assertTrue(facts.stream().anyMatch(f -> !f.none("addressee")), "an addressed fact");
        assertTrue(facts.stream().anyMatch(f -> !f.none("date")), "a dated fact");
        assertTrue(facts.stream().anyMatch(f -> "positions".equals(f.get("view")) && f.none("party") && !"proposal".equals(f.get("stance"))),
                "a position whose report names no party");
    }

    @TestFactory
    Stream<DynamicTest> everyFactReadInTheReportsIsWhatTheViewsSay() throws Exception {
        return facts().stream().map(fact -> DynamicTest.dynamicTest(fact.toString(), () -> {
            String text = reportText(fact.get("article"));
            assertTrue(text.contains(fact.get("evidence")), "the evidence is not in report " + fact.get("article"));
            switch (fact.get("view")) {
                case "positions" -> assertInPositions(fact);
                case "proposals" -> assertInProposals(fact);
                default -> fail("unknown view " + fact.get("view"));
            }
        }));
    }

    private static void assertInPositions(Fact fact) {
        boolean found = positions.stream().anyMatch(row -> row.get("article").startsWith(fact.get("article") + "_")
                && same(fact, "party", row.get("partyLabel"))
                && same(fact, "speaker", row.get("speakerLabel"))
                && fact.get("stance").equals(row.get("stance"))
                && row.get("contentLabel").contains(fact.get("content"))
                && fact.get("polarity").equals(row.get("polarity"))
                && fact.get("modality").equals(row.get("modality"))
                && (fact.none("precondition") ? row.get("preconditionLabel") == null
                        : row.get("preconditionLabel") != null && row.get("preconditionLabel").contains(fact.get("precondition")))
                && row.get("quote").contains(fact.get("evidence"))
                && sameSet(fact, "addressee", row.get("addresseeLabel"))
                && same(fact, "date", row.get("date")));
        if (!found) {
            fail("no row of positions.rq says this; rows of that report and party: " + positions.stream()
                    .filter(row -> row.get("article").startsWith(fact.get("article") + "_")
                            && same(fact, "party", row.get("partyLabel")))
                    .map(row -> row.get("stance") + " / " + row.get("contentLabel") + " / " + row.get("speakerLabel") + " / "
                            + row.get("polarity") + " / " + row.get("modality") + " / to " + row.get("addresseeLabel")
                            + " / " + row.get("date"))
                    .toList());
        }
    }

    private static void assertInProposals(Fact fact) {
        assertTrue(fact.none("addressee") && fact.none("date"), "a proposals fact has no addressee or date: " + fact);
        boolean found = proposals.stream().anyMatch(row -> row.get("articles").contains(fact.get("article") + "_")
                && row.get("proposalLabel").contains(fact.get("content"))
                && (fact.none("party") ? row.get("proposers") == null
                        : Objects.equals(Set.of(fact.get("party").split(", ")),
                                row.get("proposers") == null ? null : Set.of(row.get("proposers").split(", "))))
                && row.get("termsText") != null && row.get("termsText").contains(fact.get("figure")));
        if (!found) {
            fail("no row of proposals.rq says this; proposals: " + proposals.stream()
                    .map(row -> row.get("proposalLabel") + " by " + row.get("proposers") + ": " + row.get("termsText"))
                    .distinct().toList());
        }
    }

    /** Several values ("Hamas, Israel") compared as a set; "-" means unbound. */
    private static boolean sameSet(Fact fact, String column, String value) {
        return fact.none(column) ? value == null
                : value != null && Set.of(fact.get(column).split(", ")).equals(Set.of(value.split(", ")));
    }

    /** A fact's "-" means the view must leave the column unbound. */
    private static boolean same(Fact fact, String column, String value) {
        return fact.none(column) ? value == null : fact.get(column).equals(value);
    }

    private static String reportText(String article) throws Exception {
        try (Stream<Path> reports = Files.list(Path.of("data/reports"))) {
            Path report = reports.filter(p -> p.getFileName().toString().startsWith(article + "_")).findFirst()
                    .orElseThrow(() -> new AssertionError("no report " + article));
            return Files.readString(report, StandardCharsets.UTF_8);
        }
    }

    private static List<Map<String, String>> select(Path queryFile) throws Exception {
        String query = Files.readString(queryFile, StandardCharsets.UTF_8);
        return SelectRows.select(kb.datasetGraph(), QueryFactory.create(query), Map.of());
    }
}
