package org.parley.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

/** queries/positions-cameo.rq on the real knowledge base, its answers checked against the reports. */
class PositionsCameoQueryTest {

    private static final String KB = "https://w3id.org/parley/kb/";

    private static LoadedKnowledgeBase kb;
    private static List<Row> rows;
    private static CameoCodes codebook;

    record Row(String article, String position, String party, String stance, String content, String code,
               String name, String goldstein, String basis) {
    }

    @BeforeAll
    static void run() throws Exception {
        kb = KnowledgeBaseLoader.load(Fixtures.REAL_PROJECT);
        codebook = CameoCodes.read();
        Query query = QueryFactory.create(Files.readString(Fixtures.REAL_PROJECT.resolve("queries/positions-cameo.rq")));
        rows = Txn.calculateRead(kb.dataset(), () -> {
            List<Row> found = new ArrayList<>();
            try (QueryExecution execution = QueryExecution.dataset(kb.dataset()).query(query).build()) {
                ResultSet results = execution.execSelect();
                while (results.hasNext()) {
                    QuerySolution s = results.next();
                    found.add(new Row(text(s, "article"), s.getResource("position").getURI().substring(KB.length()),
                            text(s, "partyLabel"), text(s, "stance"), text(s, "contentLabel"), text(s, "cameoCode"),
                            text(s, "cameoName"), text(s, "goldstein"), text(s, "basis")));
                }
            }
            return found;
        });
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    /**
     * Expected codes (code@basis) per position, written from the reports' words:
     * a coder's reading, checked by hand against docs/cameo.tsv.
     */
    private static Map<String, Set<String>> expected() {
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        // Report 003, every position.
        // "Hamas asserted that it would not discuss anything less than a complete end to Israel's offensive"
        codes.put("c003-02", Set.of("1056@content"));
        // Islamic Jihad's leader "will also visit Egypt soon to discuss a possible end to the conflict"
        codes.put("c003-08", Set.of("036@content"));
        // Kirby: "we hope that they lead somewhere" (a hope: a public statement, no code)
        codes.put("c003-09", Set.of());
        // Hamas "was not willing to discuss the release of more Israeli hostages until Tel Aviv ended its
        // military campaign ... and increased the volume of humanitarian aid": a refusal to negotiate (125),
        // on preconditions that are demands to de-escalate and to let aid in (1056, 1055). Hamas holds the
        // hostages, so it is neither demanding nor refusing their release.
        codes.put("c003-10", Set.of("125@content", "1056@precondition", "1055@precondition"));
        // "The issue of prisoners can be negotiated after these two matters are achieved. We cannot talk about
        // negotiations while Israel continues its aggression."
        codes.put("c003-11", Set.of("125@content", "1056@precondition", "1055@precondition"));
        // What Hamas demands there: the end of the campaign and more aid.
        codes.put("c003-22", Set.of("1056@content", "1055@content"));
        // "also rejected any further temporary pause in Israel's military campaign"
        codes.put("c003-12", Set.of("1246@content"));
        // "it will discuss only a permanent ceasefire"
        codes.put("c003-13", Set.of("1056@content"));
        // "the urgent need to stop it [the aggression] as a top priority"
        codes.put("c003-14", Set.of("1056@content"));
        // "Israel has insisted that all the remaining women and infirm men held as hostage be released"
        codes.put("c003-15", Set.of("1053@content"));
        // Other reports: one position for each way a code is found or withheld.
        // Report 000: Hamas's multiple-month truce suggestion, a proposal with no term types: 02 only.
        codes.put("c000-07", Set.of("02@stance"));
        // Report 000: the war cabinet's "absolute victory" is a vow to fight on: a commitment, but no
        // cooperation code.
        codes.put("c000-17", Set.of());
        // Report 001: "with a commitment to release some hostages" -- no one is named as committing, nor
        // as holding them: an intent to release (the committer releases), by a party the report leaves
        // unnamed.
        codes.put("c001-16", Set.of("0353@content"));
        // Report 001: Israel's stated aim to "secure the release of more than 200 hostages" (the report
        // names no holder): not an intent of Israel's to release anyone, so no 03 code.
        codes.put("c001-09", Set.of());
        // Report 004: "The US initiative proposes a 60-day ceasefire" -- a proposal: 02.
        codes.put("c004-17", Set.of("02@stance"));
        // Report 002: the Egyptian officials' statement (01 MAKE PUBLIC STATEMENT is outside the table).
        codes.put("c002-36", Set.of());
        // Report 002: Hamas demands the release of thousands of prisoners held by Israel.
        codes.put("c002-22", Set.of("1053@content"));
        // Report 004: Hamas offers to release the remaining hostages, once the war ends for good.
        codes.put("c004-20", Set.of("0353@content", "1056@precondition"));
        // Report 004: "a 60-day ceasefire, to which Israel has committed".
        codes.put("c004-18", Set.of("0356@content"));
        // Report 004: the US urges an agreement as soon as possible.
        codes.put("c004-15", Set.of("106@content"));
        return codes;
    }

    @Test
    void positionsGetTheCodesACoderWouldGive() {
        expected().forEach((position, codes) -> {
            Set<String> found = new TreeSet<>();
            rows.stream().filter(row -> row.position().equals(position) && !row.code().isEmpty())
                    .forEach(row -> found.add(row.code() + "@" + row.basis()));
            assertEquals(new TreeSet<>(codes), found, position);
        });
    }

    @Test
    void aFullRowCarriesTheReportPartyStanceAndContent() {
        Row row = rows.stream().filter(r -> r.position().equals("c003-15")).findFirst().orElseThrow();
        assertEquals(new Row("003_5eda140543b3a4aa", "c003-15", "Israel", "demand",
                "release of all the remaining women and infirm men held hostage", "1053",
                "Demand release of persons or property", "-5", "content"), row);
    }

    @Test
    void everyPositionIsListedAndUncodedOnesOnlyOnce() throws Exception {
        Set<String> positions = Txn.calculateRead(kb.dataset(), () -> {
            Set<String> all = new TreeSet<>();
            String select = "SELECT ?p WHERE { ?p a <https://w3id.org/parley/ontology#Position> }";
            try (QueryExecution execution = QueryExecution.dataset(kb.dataset()).query(select).build()) {
                execution.execSelect().forEachRemaining(s -> all.add(s.getResource("p").getURI().substring(KB.length())));
            }
            return all;
        });
        Set<String> listed = new TreeSet<>();
        rows.forEach(row -> listed.add(row.position()));
        assertEquals(positions, listed);
        for (Row row : rows) {
            if (row.code().isEmpty()) {
                assertEquals(1, rows.stream().filter(r -> r.position().equals(row.position())).count(), row.toString());
            }
        }
    }

    @Test
    void namesAndScoresAreTheCodebooksAndFamiliesFitTheStance() {
        for (Row row : rows) {
            if (row.code().isEmpty()) {
                assertTrue(row.name().isEmpty() && row.basis().isEmpty(), row.toString());
                continue;
            }
            assertEquals(codebook.names().get(row.code()), row.name(), row.toString());
            assertEquals(0, Double.compare(Double.parseDouble(codebook.goldstein().get(row.code())),
                    Double.parseDouble(row.goldstein())), row.toString());
            String family = switch (row.basis()) {
                case "precondition" -> "10";
                case "content", "stance" -> switch (row.stance()) {
                    case "demand" -> "10";
                    case "proposal" -> "02";
                    case "offer", "acceptance", "commitment" -> "03";
                    case "rejection", "refusal" -> "12";
                    default -> "none for " + row.stance();
                };
                default -> "unknown basis " + row.basis();
            };
            assertTrue(row.code().startsWith(family), row + " should be in family " + family);
        }
    }

    @Test
    void rowsAreInReportAndPositionOrder() {
        List<String> keys = rows.stream().map(row -> row.article() + " " + row.position()).toList();
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);
    }

    private static String text(QuerySolution solution, String variable) {
        return solution.get(variable) == null ? "" : solution.get(variable).asLiteral().getLexicalForm();
    }
}
