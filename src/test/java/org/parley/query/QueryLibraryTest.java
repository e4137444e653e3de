package org.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

/**
 * One dynamic test per query in queries/: it parses, runs on the real knowledge base, and its
 * answers are checked against answers written from reading the five reports (the sentence that
 * justifies each expected row is quoted beside it). A query file without an expectation here
 * fails, so no question goes untested.
 */
class QueryLibraryTest {

    private static final Path QUERIES = Path.of("queries");
    private static final String R000 = "000_0778579edb871b80";
    private static final String R001 = "001_9922d820d04270db";
    private static final String R002 = "002_1e8011b04060517d";
    private static final String R003 = "003_5eda140543b3a4aa";
    private static final String R004 = "004_9ec5f3f7bbeb20d9";

    private static LoadedKnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBaseLoader.load(Path.of("."));
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    /** What each query must answer; parameters to bind first, then the check of the rows. */
    private record Expectation(Map<String, String> parameters, Consumer<List<Map<String, String>>> check) {
        static Expectation of(Consumer<List<Map<String, String>>> check) {
            return new Expectation(Map.of(), check);
        }
    }

    private static Map<String, Expectation> expectations() {
        Map<String, Expectation> e = new LinkedHashMap<>();

        e.put("positions", Expectation.of(rows -> {
            // The contract's columns, in order: the original fourteen, then those appended for polarity,
            // modality, hedges and the holder of a view others voice.
            assertEquals(List.of("article", "party", "partyLabel", "speaker", "speakerLabel", "stance", "content",
                    "contentLabel", "precondition", "preconditionLabel", "reporter", "reporterLabel", "quote", "date",
                    "polarity", "modality", "hedge", "holderLabel"),
                    rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet()), "the contract's columns");
            // One row per position, and one per proposal a report mentions with no position on it there:
            // 000's phased approach, one-month truce proposal and exile proposition, 001's two-stage framework,
            // 003's new truce.
            assertEquals(positionCount() + 5, rows.size(), "one row per position and per unclaimed proposal mention");
            assertEquals(Set.of("exile proposition (six Hamas officials to leave Gaza)", "one-month truce proposal",
                    "phased approach (releases by hostage category)", "two-stage framework",
                    "new truce under discussion in Egypt"),
                    column(rows, "contentLabel", r -> r.get("partyLabel") == null), "proposals with no proposer named");
            assertTrue(rows.stream().filter(r -> r.get("partyLabel") == null).allMatch(r -> "proposal".equals(r.get("stance"))));
            assertTrue(rows.stream().allMatch(r -> Set.of("demand", "proposal", "offer", "acceptance", "rejection",
                    "assessment", "refusal", "commitment", "threat", "denial", "expectation", "disagreement", "noAgreement")
                    .contains(r.get("stance"))), "stance is a word of the stance scheme");
            assertTrue(rows.stream().allMatch(r -> Set.of("affirmed", "negated").contains(r.get("polarity"))),
                    "every row states its polarity");
            assertTrue(rows.stream().allMatch(r -> r.get("modality") != null), "every row states its modality");
            // Every hedge is the report's own words, in the row's quote.
            assertTrue(rows.stream().filter(r -> r.get("hedge") != null)
                    .allMatch(r -> Stream.of(r.get("hedge").split("; ")).allMatch(h -> r.get("quote").contains(h))),
                    "hedges are verbatim in the quote");
            assertTrue(rows.stream().filter(r -> r.get("hedge") != null).noneMatch(r -> "asserted".equals(r.get("modality"))),
                    "a hedged row is not plainly asserted");
            // 003: "But Haniyeh's media adviser, Taher Al-Nono told Reuters that Hamas was not willing to discuss
            // the release of more Israeli hostages until Tel Aviv ended its military campaign ... and increased
            // the volume of humanitarian aid" -- a refusal (not a demand) voiced by Nono, reported by Reuters,
            // on a precondition.
            assertHas(rows, "Hamas's conditional refusal voiced by Nono, told to Reuters",
                    r -> R003.equals(r.get("article")) && "Hamas".equals(r.get("partyLabel"))
                            && "Taher Al-Nono".equals(r.get("speakerLabel")) && "refusal".equals(r.get("stance"))
                            && r.get("contentLabel").contains("release of more Israeli hostages")
                            && r.get("preconditionLabel") != null && r.get("preconditionLabel").contains("humanitarian aid")
                            && "Reuters".equals(r.get("reporterLabel")) && "affirmed".equals(r.get("polarity")));
            assertTrue(rows.stream().noneMatch(r -> "demand".equals(r.get("stance"))
                    && r.get("contentLabel").contains("negotiations on the release")), "talks on hostages are never demanded");
            // 002: "Taher Al-Nono, a media adviser to Hamas, said no real progress has been achieved" -- negated.
            assertHas(rows, "no real progress (002)", r -> R002.equals(r.get("article")) && "Taher Al-Nono".equals(r.get("speakerLabel"))
                    && r.get("contentLabel").contains("progress") && "negated".equals(r.get("polarity")));
            // 003: "we hope that they lead somewhere" -- a hope, hedged, with the words.
            assertHas(rows, "Kirby's hope", r -> "John Kirby".equals(r.get("speakerLabel")) && "hoped".equals(r.get("modality"))
                    && "we hope".equals(r.get("hedge")) && "expectation".equals(r.get("stance")));
            // 000: "... has since refused to move forward with the plans ..., said Reuters citing six sources."
            assertHas(rows, "the outlet and the sources it cites", r -> R000.equals(r.get("article"))
                    && "refusal".equals(r.get("stance")) && "Reuters, citing six sources".equals(r.get("reporterLabel")));
            // 003: "... White House spokesperson John Kirby told reporters aboard Air Force One on Wednesday."
            assertHas(rows, "Kirby speaks for the United States, on Wednesday", r -> "John Kirby".equals(r.get("speakerLabel"))
                    && "United States".equals(r.get("partyLabel")) && "on Wednesday".equals(r.get("date")));
            // The party is never the outlet, nor the person who voiced it.
            assertTrue(rows.stream().noneMatch(r -> Set.of("Reuters", "The Wall Street Journal", "CNN", "i24NEWS",
                    "Associated Press").contains(String.valueOf(r.get("partyLabel")))), "no outlet is a party");
            assertTrue(rows.stream().noneMatch(r -> Set.of("Taher Al-Nono", "Abu Zuhri", "Yahya Sinwar")
                    .contains(String.valueOf(r.get("partyLabel")))), "Hamas's spokesmen are speakers, not parties");
            // 002: "Sinwar is willing to release hostages but wants a longer ceasefire ..., the officials said":
            // voiced by the officials, not by Sinwar.
            assertTrue(rows.stream().noneMatch(r -> "Yahya Sinwar".equals(r.get("speakerLabel"))),
                    "the report never has Sinwar speak");
            // "Sinwar believes that the Israelis will prioritize hostages over the battlefield and that Hamas needs
            // to hold out ..." (two beliefs); "Sinwar is willing to release hostages but wants a longer ceasefire".
            assertEquals(4, rows.stream().filter(r -> "Yahya Sinwar".equals(r.get("holderLabel"))
                    && "the officials".equals(r.get("speakerLabel"))).count(), "Sinwar's two beliefs, willingness and wish");
            assertTrue(rows.stream().allMatch(r -> reportText(r.get("article")).contains(r.get("quote"))),
                    "every quote is in its report");
        }));

        e.put("who-demanded-what", Expectation.of(rows -> {
            assertTrue(rows.stream().allMatch(r -> "demand".equals(r.get("stance"))), "demands only");
            // Hamas demands in 000 (the "package deal", an end to the aggression, the complete pullout),
            // 002 (thousands of prisoners and a permanent ceasefire; a longer ceasefire), 003 (a complete end
            // to the offensive; only a permanent ceasefire) and 004 (US guarantees; a permanent end to the war).
            // 001 reports no Hamas demand: only its commitment to release some hostages.
            assertEquals(Set.of(R000, R002, R003, R004), column(rows, "article", r -> "Hamas".equals(r.get("partyLabel"))));
            // Israel: 002 "some within the Israeli cabinet, are calling for prioritization of hostages"; 003 "Israel
            // has insisted that all the remaining women and infirm men held as hostage be released". 001's "The
            // stated aim of Israel's military response has been to ... secure the release of more than 200
            // hostages" is a stated aim (a commitment), not a demand.
            assertEquals(Set.of(R002, R003), column(rows, "article", r -> "Israel".equals(r.get("partyLabel"))));
            assertHas(rows, "Hamas seeks a package deal (000)", r -> R000.equals(r.get("article"))
                    && r.get("contentLabel").contains("package deal"));
            assertHas(rows, "Hamas seeks US guarantees (004)", r -> R004.equals(r.get("article"))
                    && "Hamas".equals(r.get("partyLabel")) && r.get("contentLabel").contains("US guarantees"));
            assertHas(rows, "Israel: women and infirm men released (003)", r -> R003.equals(r.get("article"))
                    && "Israel".equals(r.get("partyLabel")) && r.get("contentLabel").contains("women and infirm men"));
        }));

        e.put("demands-by-party", new Expectation(Map.of("partyName", "Hamas"), rows -> {
            assertFalse(rows.isEmpty());
            assertTrue(rows.stream().allMatch(r -> "Hamas".equals(r.get("partyLabel"))), "only Hamas's demands");
            assertEquals(Set.of(R000, R002, R003, R004), column(rows, "article", r -> true));
            // 000: Abu Zuhri: "any agreement must be based on ending the aggression and the occupation's
            // complete pullout from Gaza Strip"
            assertHas(rows, "complete pullout, voiced by Abu Zuhri", r -> "Abu Zuhri".equals(r.get("speakerLabel"))
                    && r.get("contentLabel").contains("complete withdrawal"));
        }));

        e.put("preconditions", Expectation.of(rows -> {
            // 003: "not willing to discuss the release of more Israeli hostages until Tel Aviv ended its military
            // campaign ... and increased the volume of humanitarian aid": two parts, both preconditions.
            assertHas(rows, "end of the campaign before talks on hostages", r -> R003.equals(r.get("article"))
                    && r.get("contentLabel").contains("release of more Israeli hostages")
                    && "end of Israel's military campaign (\"aggression\") in Gaza".equals(r.get("partLabel")));
            assertHas(rows, "more aid before talks on hostages", r -> R003.equals(r.get("article"))
                    && "increase in humanitarian aid to Gaza".equals(r.get("partLabel")));
            // 000: "refused to move forward with the plans until the conditions of the future permanent
            // ceasefire are agreed on"
            assertHas(rows, "permanent-ceasefire terms first (000)", r -> R000.equals(r.get("article"))
                    && "refusal".equals(r.get("stance")) && r.get("preconditionLabel").contains("permanent ceasefire"));
            // 004: "additional demands related to a permanent end to the war in exchange for the release of its
            // remaining prisoners" (the hostages Hamas holds)
            assertHas(rows, "remaining hostages for a permanent end (004)", r -> R004.equals(r.get("article"))
                    && "offer".equals(r.get("stance")) && r.get("contentLabel").contains("remaining hostages"));
            // 002: "Sinwar is willing to release hostages but wants a longer ceasefire and better terms than last
            // time, the officials said" -- the officials voice it.
            assertHas(rows, "Sinwar's condition (002)", r -> "the officials".equals(r.get("speakerLabel"))
                    && r.get("preconditionLabel").contains("longer ceasefire"));
            assertTrue(rows.stream().allMatch(r -> "Hamas".equals(r.get("partyLabel"))),
                    "only Hamas states preconditions in these reports");
            // 000: "We are open to all initiatives and proposals, but any agreement must be based on ending the
            // aggression ...": the basis of any agreement (a demand), not a condition of Hamas's openness.
            assertTrue(rows.stream().noneMatch(r -> r.get("contentLabel").contains("openness")),
                    "openness to proposals is not conditioned");
        }));

        e.put("proposals", Expectation.of(rows -> {
            // Which proposals include a 60-day ceasefire? 004: "Hamas had previously submitted amendments to the
            // Witkoff plan, including a 60-day ceasefire" and "The US initiative proposes a 60-day ceasefire".
            assertEquals(Set.of("Hamas's amendments to the Witkoff plan", "Witkoff plan (the US initiative)"),
                    column(rows, "proposalLabel", r -> "60-day".equals(r.get("duration"))));
            // 001: "a two-stage framework": stage 1 pause for civilians; stage 2 "an initial 30-day period".
            assertEquals(Set.of("1", "2"), column(rows, "phase", r -> "two-stage framework".equals(r.get("proposalLabel"))));
            assertHas(rows, "30-day period in stage 2", r -> "two-stage framework".equals(r.get("proposalLabel"))
                    && "2".equals(r.get("phase")) && "initial 30-day period".equals(r.get("duration")));
            // 004: "release of 10 prisoners" -- hostages held by Hamas, not prisoners held by Israel.
            assertHas(rows, "10 hostages held by Hamas", r -> "10".equals(r.get("count")) && "Hamas".equals(r.get("heldBy")));
            // 004: "proposals criticized by both Israel and the United States"
            assertHas(rows, "Israel and the US reject Hamas's amendments", r -> r.get("proposalLabel").startsWith("Hamas's amendments")
                    && r.get("responses").contains("Israel rejection") && r.get("responses").contains("United States rejection"));
            // 002: "the US, Egypt and Qatar are urging Israel and Hamas to join a phased diplomatic process"
            assertHas(rows, "the phased process's proposers", r -> r.get("proposalLabel").startsWith("phased diplomatic process")
                    && Set.of(r.get("proposers").split(", ")).equals(Set.of("Egypt", "Qatar", "United States")));
            // Terms as readable text beside the name. 004: "amendments to the Witkoff plan, including a 60-day
            // ceasefire and the release of 10 prisoners" (hostages held by Hamas).
            String amendments = only(rows, r -> r.get("proposalLabel").startsWith("Hamas's amendments")
                    && r.get("termLabel").startsWith("60-day")).get("termsText");
            assertTrue(amendments.contains("60-day ceasefire") && amendments.contains("release of 10 hostages held by Hamas"),
                    amendments);
            // 001: stage 1 pause and civilians, stage 2 "an initial 30-day period" -- in phase order.
            String framework = rows.stream().filter(r -> "two-stage framework".equals(r.get("proposalLabel")))
                    .findFirst().orElseThrow().get("termsText");
            assertTrue(framework.indexOf("phase 1: ") < framework.indexOf("phase 2: initial 30-day period"), framework);
            // 000: "exile of six Hamas officials"; "the one-month truce proposal" -- proposals whose proposer the
            // report does not name have none.
            assertTrue(column(rows, "termsText", r -> r.get("proposalLabel").startsWith("exile proposition"))
                    .iterator().next().contains("six Hamas officials"));
            assertEquals(Set.of(), column(rows, "proposers", r -> Set.of("exile proposition (six Hamas officials to leave Gaza)",
                    "one-month truce proposal", "phased approach (releases by hostage category)", "two-stage framework",
                    "new truce under discussion in Egypt").contains(r.get("proposalLabel"))), "no proposer invented");
            // 000's "package deal" is credited only by report 000: Hamas's demands for a permanent ceasefire in
            // 002-004 are not responses to it.
            assertEquals(Set.of("Hamas demand (" + R000 + ")"),
                    column(rows, "responses", r -> r.get("proposalLabel").contains("package deal")));
            // 002: "has not been agreed to by either side": no agreement, not a rejection.
            assertHas(rows, "neither side agreed to the phased process", r -> r.get("proposalLabel").startsWith("phased diplomatic")
                    && r.get("responses").contains("Israel noAgreement") && r.get("responses").contains("Hamas noAgreement")
                    && !r.get("responses").contains("rejection"));
            // Who holds whom: prisoner releases are by Israel, hostage releases by Hamas (or Islamic Jihad).
            assertTrue(rows.stream().filter(r -> r.get("termLabel").contains("Palestinian prisoners"))
                    .allMatch(r -> "Israel".equals(r.get("heldBy"))), "prisoners are held by Israel");
        }));

        e.put("mediation", Expectation.of(rows -> {
            // 000 "mediated by the United States, Egypt and Qatar"; 003 "The US and Egypt are seeking to broker";
            // 004 "Qatar is awaiting an updated response from Hamas".
            Set<String> mediators = rows.stream().map(r -> r.get("mediators")).filter(m -> m != null)
                    .flatMap(m -> Stream.of(m.split(", "))).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("Egypt", "Qatar", "United States"), mediators);
            assertHas(rows, "Witkoff as the US envoy (004)", r -> R004.equals(r.get("article"))
                    && "Steve Witkoff".equals(r.get("envoys")));
            assertTrue(rows.stream().filter(r -> r.get("between") != null)
                    .allMatch(r -> r.get("between").contains("Hamas")), "every mediation involves Hamas");
        }));

        e.put("position-changes", new Expectation(Map.of("partyName", "Hamas"), rows -> {
            // 000: "Hamas suggested a multiple-month truce at the beginning of the current round of negotiations.
            // However, the terrorist group has since refused to move forward ..."
            assertHas(rows, "the refusal supersedes the multi-month truce", r -> R000.equals(r.get("article"))
                    && "refusal".equals(r.get("stance")) && r.get("supersedes") != null
                    && r.get("supersedes").contains("multiple-month truce") && "2".equals(r.get("sequence")));
            // Reports in the order their texts date them, never by file name: 002 speaks of "Nov. 30" as past,
            // 001 of "the morning of December 1"; 000, 003 and 004 state no date and come last, as undated.
            List<String> reportOrder = rows.stream().filter(r -> "permanent ceasefire".equals(r.get("termType")))
                    .map(r -> r.get("article")).distinct().toList();
            assertEquals(List.of(R002, R000, R003, R004), reportOrder, "dated 002 first, then the undated reports");
            assertEquals(Set.of("undated"), column(rows, "reportDate", r -> Set.of(R000, R003, R004).contains(r.get("article"))));
            assertEquals(Set.of("on or after the end of the last ceasefire on Nov. 30"),
                    column(rows, "reportDate", r -> R002.equals(r.get("article"))));
            // Hamas demands a permanent end to the war in 002, 003 and 004.
            assertEquals(Set.of(R002, R003, R004), column(rows, "article", r -> "demand".equals(r.get("stance"))
                    && r.get("contentLabel").startsWith("permanent ceasefire")));
            assertTrue(rows.stream().allMatch(r -> "Hamas".equals(r.get("partyLabel"))));
        }));

        e.put("corroboration", Expectation.of(rows -> {
            // Hamas's demand for a permanent ceasefire: 002 ("only wants to trade them for ... a permanent
            // ceasefire"), 003 ("it will discuss only a permanent ceasefire"), 004 ("a permanent end to the war").
            assertHas(rows, "permanent ceasefire corroborated by three reports", r -> "Hamas".equals(r.get("partyLabel"))
                    && "demand".equals(r.get("stance")) && r.get("contentLabel").startsWith("permanent ceasefire")
                    && "3".equals(r.get("reports")) && "corroborated".equals(r.get("support")));
            // 000 alone, through Reuters alone: "The group is said to seek a "package deal""
            assertHas(rows, "package deal rests on one source", r -> r.get("contentLabel").contains("package deal")
                    && "single source".equals(r.get("support")));
        }));

        e.put("anonymous-sourcing", Expectation.of(rows -> {
            // 000: "said Reuters citing six sources"; "Two Egyptian sources, cited in the report, claimed ..."
            assertHas(rows, "six sources", r -> R000.equals(r.get("article")) && "6".equals(r.get("sourceCount"))
                    && "six sources".equals(r.get("description")) && "Reuters".equals(r.get("outletLabel")));
            assertHas(rows, "two Egyptian sources", r -> "2".equals(r.get("sourceCount")) && "Egypt".equals(r.get("side")));
            // 004: "an Israeli official told Israeli i24NEWS"; "A source familiar with the negotiations indicated"
            assertHas(rows, "an Israeli official, via i24NEWS", r -> R004.equals(r.get("article"))
                    && "an Israeli official".equals(r.get("description")) && "i24NEWS".equals(r.get("outletLabel")));
            assertHas(rows, "a source familiar with the negotiations", r -> R004.equals(r.get("article"))
                    && "A source familiar with the negotiations".equals(r.get("description")));
            // Claims voiced by named people (Nono, Kirby, Witkoff) do not rest only on anonymous sources.
            assertTrue(rows.stream().noneMatch(r -> r.get("quote").contains("Nono") || r.get("quote").contains("Kirby")));
        }));

        e.put("quotes", Expectation.of(rows -> {
            // 002: Gadi Eisenkot ... said: "We should say bravely that it is impossible to return the hostages
            // alive in the near future without an agreement."
            assertHas(rows, "Eisenkot", r -> "Gadi Eisenkot".equals(r.get("speakerLabel")) && "direct quote".equals(r.get("mode"))
                    && r.get("quotation").startsWith("We should say bravely"));
            // 003: "These are very serious discussions and negotiations, and we hope that they lead somewhere,"
            assertHas(rows, "Kirby for the US", r -> "John Kirby".equals(r.get("speakerLabel")) && "United States".equals(r.get("partyLabel")));
            assertEquals(2, column(rows, "quotation", r -> "Taher Al-Nono".equals(r.get("speakerLabel"))).size(),
                    "003 quotes Nono twice");
            assertTrue(rows.stream().allMatch(r -> reportText(r.get("article")).contains(r.get("quotation"))),
                    "every quotation is verbatim in its report");
        }));

        e.put("collisions", Expectation.of(rows -> {
            // 004: Hamas "submitted amendments to the Witkoff plan ..., proposals criticized by both Israel and the
            // United States."
            assertHas(rows, "Israel rejects Hamas's amendments", r -> "rejects".equals(r.get("kind"))
                    && "Hamas".equals(r.get("partyA")) && "Israel".equals(r.get("partyB"))
                    && r.get("matterA").startsWith("Hamas's amendments"));
            // 002: "The new proposal has not been agreed to by either side to the conflict": not agreed is not a
            // rejection, so the phased process yields no "rejects" rows (it yielded twelve when stored as two
            // rejections). The only rejections of a matter put forward: 004's "criticized by both Israel and the
            // United States".
            assertEquals(2, rows.stream().filter(r -> "rejects".equals(r.get("kind"))).count(), "two rejections");
            assertTrue(rows.stream().noneMatch(r -> r.get("matterA").startsWith("phased diplomatic process")));
            // 002/003/004 Hamas seeks a permanent end to the war; 000 the war cabinet "vowed to continue the war
            // until the "absolute victory"".
            assertHas(rows, "permanent ceasefire against absolute victory", r -> "rules out".equals(r.get("kind"))
                    && "Hamas".equals(r.get("partyA")) && "Israel".equals(r.get("partyB"))
                    && "commitment".equals(r.get("stanceB")) && r.get("matterB").contains("absolute victory"));
        }));

        e.put("timeline", Expectation.of(rows -> {
            // 001 "on October 7", 002 "on Oct. 7" first; then 001 "By November 22" before "November 24".
            assertEquals("10", rows.get(0).get("month"));
            assertEquals("7", rows.get(0).get("day"));
            int agreed = indexOf(rows, r -> "By November 22".equals(r.get("when")));
            int effect = indexOf(rows, r -> "November 24".equals(r.get("when")));
            assertTrue(agreed >= 0 && effect > agreed, "the pause was agreed before it took effect");
            // No date is invented: every date is the report's own words.
            assertTrue(rows.stream().filter(r -> r.get("when") != null)
                    .allMatch(r -> reportText(r.get("article")).contains(r.get("when"))));
            // 001: the crossing "on October 7 ..., prompting Prime Minister Benjamin Netanyahu to declare that the
            // country was at war": the declaration is not dated October 7 -- it has no date of its own and
            // follows the crossing.
            int crossing = indexOf(rows, r -> R001.equals(r.get("article")) && "October 7".equals(r.get("when")));
            int declaration = indexOf(rows, r -> r.get("eventLabel").contains("declaration"));
            assertEquals(crossing + 1, declaration, "the declaration follows the crossing that prompted it");
            assertEquals(null, rows.get(declaration).get("month"));
            assertEquals(null, rows.get(declaration).get("when"));
            // Events dated only in words: the reports the texts date (002, 001) before the undated ones (003, 004).
            List<String> wordDated = rows.stream().filter(r -> r.get("month") == null && r.get("when") != null)
                    .map(r -> r.get("article")).distinct().toList();
            assertEquals(List.of(R002, R001, R003, R004), wordDated);
            assertEquals("undated", only(rows, r -> "Monday evening".equals(r.get("when"))).get("reportDate"));
            // 001: "During the pause, Hamas released a total of 110 hostages" -- report 001 never speaks of
            // prisoners released by Israel, so none of its events does.
            assertTrue(rows.stream().filter(r -> R001.equals(r.get("article")))
                    .noneMatch(r -> r.get("eventLabel").contains("prisoners")), "001 speaks of hostages released only");
            assertHas(rows, "Haniyeh in Egypt on Wednesday", r -> R003.equals(r.get("article")) && "on Wednesday".equals(r.get("when"))
                    && r.get("eventLabel").contains("Haniyeh"));
        }));

        e.put("figures", Expectation.of(rows -> {
            // 001 "Hamas released a total of 110 hostages"; 002 "an exchange of 100 Israeli hostages ... for more
            // than 300 convicted terrorists"; 002 "around 240 hostages", "1,200 people dead"; 000 "21 Israeli soldiers".
            assertHas(rows, "110 (001)", r -> R001.equals(r.get("article")) && "110".equals(r.get("value")));
            assertHas(rows, "100 (002)", r -> R002.equals(r.get("article")) && "100".equals(r.get("value")));
            assertHas(rows, "300 prisoners (002)", r -> R002.equals(r.get("article")) && "300".equals(r.get("value"))
                    && r.get("topicLabel").contains("Palestinian prisoners"));
            assertHas(rows, "240 (002)", r -> "240".equals(r.get("value")) && "around 240 hostages".equals(r.get("asReported")));
            assertHas(rows, "1,200 dead (002)", r -> "1200".equals(r.get("value")));
            assertHas(rows, "21 soldiers (000)", r -> R000.equals(r.get("article")) && "21".equals(r.get("value")));
            assertHas(rows, "60-day ceasefire term (004)", r -> "proposal term".equals(r.get("kind")) && "60".equals(r.get("value")));
        }));

        e.put("conflicting-claims", Expectation.of(rows -> {
            assertEquals(Set.of("topicLabel", "articleA", "valueA", "articleB", "valueB"),
                    rows.isEmpty() ? Set.of() : rows.get(0).keySet(), "the contract's columns");
            // Read from the reports: 001 "lasted until the morning of December 1" vs 002 "the end of the last
            // ceasefire on Nov. 30"; 001 "a total of 110 hostages" vs 002 "100 Israeli hostages"; 001 "more than
            // 200 hostages" vs 002 "around 240 hostages".
            Set<String> pairs = rows.stream().map(r -> r.get("articleA") + "|" + r.get("valueA") + "|" + r.get("articleB")
                    + "|" + r.get("valueB")).collect(Collectors.toSet());
            assertEquals(Set.of(
                    R001 + "|the morning of December 1|" + R002 + "|Nov. 30",
                    R001 + "|a total of 110 hostages|" + R002 + "|100 Israeli hostages",
                    R001 + "|more than 200 hostages, including foreign nationals|" + R002 + "|around 240 hostages"), pairs);
        }));

        e.put("actor-profile", new Expectation(Map.of("actorName", "Taher Al-Nono"), rows -> {
            // 002 "Taher Al-Nono, a media adviser to Hamas"; 003 "Haniyeh's media adviser, Taher Al-Nono".
            assertEquals(Set.of(R002, R003), column(rows, "article", r -> "role".equals(r.get("facet"))));
            assertHas(rows, "acts for Hamas", r -> "acts for".equals(r.get("facet")) && "Hamas".equals(r.get("detail")));
            assertTrue(rows.stream().noneMatch(r -> "party to".equals(r.get("facet"))), "a spokesman is never a party");
            assertTrue(rows.stream().allMatch(r -> "Taher Al-Nono".equals(r.get("actorLabel"))));
        }));

        e.put("hostage-release-order", Expectation.of(rows -> {
            // 000: "starting with civilians and ending with soldiers"
            assertEquals("civilians", only(rows, r -> r.get("proposalLabel").startsWith("phased approach") && "1".equals(r.get("phase"))).get("categories"));
            assertEquals("soldiers", only(rows, r -> r.get("proposalLabel").startsWith("phased approach") && "2".equals(r.get("phase"))).get("categories"));
            // 001: "the return of civilians and detainees held by Hamas, focusing on ... women, the elderly, and
            // wounded prisoners" in exchange for Israeli forces pausing their military operations.
            Map<String, String> first = only(rows, r -> "two-stage framework".equals(r.get("proposalLabel")) && "1".equals(r.get("phase")));
            assertEquals(Set.of("civilians", "women", "elderly", "wounded"), Set.of(first.get("categories").split(", ")));
            assertTrue(first.get("inExchangeFor").contains("pausing their military operations"));
            assertTrue(rows.stream().allMatch(r -> r.get("heldBy").contains("Hamas")), "hostages are held by Hamas");
        }));

        e.put("sourcing-network", Expectation.of(rows -> {
            assertEquals(Set.of("six sources", "two Egyptian sources", "a source"),
                    column(rows, "sourceLabel", r -> "Reuters".equals(r.get("outletLabel"))));
            assertEquals(Set.of("an Israeli official"), column(rows, "sourceLabel", r -> "i24NEWS".equals(r.get("outletLabel"))));
            assertHas(rows, "WSJ relies on mediating diplomats", r -> "The Wall Street Journal".equals(r.get("outletLabel"))
                    && "diplomats involved in mediating the talks".equals(r.get("sourceLabel")));
        }));

        e.put("positions-cameo", Expectation.of(rows -> {
            // Every demand maps into CAMEO's 10 family; every rejection into 12.
            assertTrue(rows.stream().filter(r -> "demand".equals(r.get("stance")))
                    .allMatch(r -> r.get("cameoCode") != null && r.get("cameoCode").startsWith("10")), "demands are CAMEO 10x");
            // A rejection's own code is in CAMEO's 12 family; a precondition it states is coded as a demand.
            assertTrue(rows.stream().filter(r -> "rejection".equals(r.get("stance")) && !"precondition".equals(r.get("basis")))
                    .allMatch(r -> r.get("cameoCode") != null && r.get("cameoCode").startsWith("12")), "rejections are CAMEO 12x");
            // 000: Hamas "refused to move forward with the plans until the conditions of the future permanent
            // ceasefire are agreed on": the refusal is coded 12x, its precondition a demand (10x).
            assertTrue(rows.stream().filter(r -> "refusal".equals(r.get("stance")) && !"precondition".equals(r.get("basis")))
                    .allMatch(r -> r.get("cameoCode") != null && r.get("cameoCode").startsWith("12")), "refusals are CAMEO 12x");
            assertHas(rows, "Hamas's conditional refusal", r -> R000.equals(r.get("article")) && "refusal".equals(r.get("stance"))
                    && "precondition".equals(r.get("basis")) && r.get("cameoCode").startsWith("10"));
            assertFalse(rows.isEmpty());
        }));

        return e;
    }

    @TestFactory
    Stream<DynamicTest> everyQueryParsesRunsAndAnswersAsTheReportsSay() {
        Map<String, Expectation> expectations = expectations();
        return QueryLibrary.entries(QUERIES).stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
            Query query = QueryFactory.create(entry.text());
            assertFalse(entry.question().isBlank(), entry.fileName() + " has no question in its header");
            assertTrue(query.hasOrderBy() || !query.isSelectType(), entry.fileName() + " ends in ORDER BY for stable output");
            if (entry.isFederated()) {
                return; // needs a remote endpoint: run against a second local one in org.parley.link
            }
            Expectation expectation = expectations.get(entry.name());
            assertNotNull(expectation, "no expected answers written for " + entry.fileName());
            expectation.check().accept(select(query, expectation.parameters()));
        }));
    }

    @Test
    void anActorsProfileShowsWhatOthersVoiceForIt() throws Exception {
        // 002: "Hamas leader in Gaza Yahya Sinwar believes ..., the officials said"; "Sinwar is willing to release
        // hostages but wants a longer ceasefire and better terms than last time, the officials said." Sinwar
        // holds these; he voices none of them.
        Query query = QueryFactory.create(Files.readString(QUERIES.resolve("actor-profile.rq"), StandardCharsets.UTF_8));
        List<Map<String, String>> rows = select(query, Map.of("actorName", "Yahya Sinwar"));
        assertEquals(Set.of("Hamas assessment: the Israelis will prioritize hostages over the battlefield",
                "Hamas assessment: holding out as long as possible to exhaust Israel and keep international pressure on it",
                "Hamas offer: release of hostages held by Hamas",
                "Hamas demand: a longer ceasefire and better terms than in the November truce"),
                column(rows, "detail", r -> "holds".equals(r.get("facet"))));
        assertTrue(rows.stream().noneMatch(r -> "voiced".equals(r.get("facet"))), "Sinwar voices nothing in the reports");
    }

    @Test
    void everyExpectationHasItsQuery() {
        Set<String> names = QueryLibrary.entries(QUERIES).stream().map(QueryLibrary.Entry::name).collect(Collectors.toSet());
        for (String expected : expectations().keySet()) {
            assertTrue(names.contains(expected), "queries/" + expected + ".rq is missing");
        }
    }

    @Test
    void readmeListsEveryQueryWithItsHeaderQuestion() throws Exception {
        String expected = QueryLibrary.readme(QueryLibrary.entries(QUERIES));
        String actual = Files.readString(QUERIES.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(expected, actual, "queries/README.md has drifted from the query headers: regenerate it with "
                + "java -cp target/parley.jar org.parley.query.QueryLibrary queries > queries/README.md");
    }

    @Test
    void parametersAreReadFromTheHeader() {
        assertEquals(List.of("partyName"), QueryLibrary.parameters("# Q\n#\n# Parameter: ?partyName, e.g. Hamas\nSELECT * {}"));
        assertEquals(List.of(), QueryLibrary.parameters("# Q: which ?x\nSELECT * {}"));
        assertEquals("Who?", QueryLibrary.question("# Question: Who?\n#\n# more\nSELECT * {}"));
    }

    // -- Helpers -----------------------------------------------------------------------------------

    private static List<Map<String, String>> select(Query query, Map<String, String> parameters) {
        return Txn.calculateRead(kb.datasetGraph(), () -> {
            QueryExecBuilder builder = QueryExec.dataset(kb.datasetGraph()).query(query);
            parameters.forEach((name, value) -> builder.substitution(name, NodeFactory.createLiteralString(value)));
            List<Map<String, String>> rows = new ArrayList<>();
            try (QueryExec exec = builder.build()) {
                RowSet rowSet = exec.select();
                List<String> vars = rowSet.getResultVars().stream().map(v -> v.getVarName()).toList();
                rowSet.forEachRemaining(binding -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String var : vars) {
                        Node node = binding.get(var);
                        row.put(var, node == null ? null : node.isLiteral() ? node.getLiteralLexicalForm() : node.toString());
                    }
                    rows.add(row);
                });
            }
            return rows;
        });
    }

    private static int positionCount() {
        List<Map<String, String>> rows = select(QueryFactory.create(
                "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <https://w3id.org/parley/ontology#Position> }"), Map.of());
        return Integer.parseInt(rows.get(0).get("n"));
    }

    private static final Map<String, String> REPORT_TEXTS = new HashMap<>();

    private static String reportText(String article) {
        return REPORT_TEXTS.computeIfAbsent(article, id -> {
            try {
                return Files.readString(Path.of("data/reports", id + ".txt"), StandardCharsets.UTF_8);
            } catch (Exception unreadable) {
                throw new AssertionError("no report " + id, unreadable);
            }
        });
    }

    private static void assertHas(List<Map<String, String>> rows, String what, Predicate<Map<String, String>> row) {
        if (rows.stream().noneMatch(r -> {
            try {
                return row.test(r);
            } catch (NullPointerException unboundColumn) {
                return false;
            }
        })) {
            fail("expected a row: " + what + "; got " + rows.size() + " rows");
        }
    }

    private static Set<String> column(List<Map<String, String>> rows, String var, Predicate<Map<String, String>> where) {
        return rows.stream().filter(where).map(r -> r.get(var)).filter(v -> v != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static int indexOf(List<Map<String, String>> rows, Predicate<Map<String, String>> row) {
        for (int i = 0; i < rows.size(); i++) {
            if (row.test(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> only(List<Map<String, String>> rows, Predicate<Map<String, String>> where) {
        List<Map<String, String>> matching = rows.stream().filter(where).toList();
        assertEquals(1, matching.size(), "exactly one matching row");
        return matching.get(0);
    }
}
