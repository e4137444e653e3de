package org.parley.curate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.parley.sheet.SheetVocabulary;
import org.parley.validate.ReportText;

/**
 * Candidate claim rows from a report's text: what a careful reader marks first. Each sentence that
 * attributes words to someone (a quotation, a reporting verb, "according to", "citing") or states a
 * party's stance becomes a candidate with its verbatim quote, the attribution chain (outlet, cited
 * source with count and side, speaker and the party they act for), the stance its verb or wording
 * gives, and the negation, hedge and precondition cues it holds. Only what the words and the
 * knowledge base say is filled in: no name, number or date is guessed; the rest stays blank.
 */
public final class Suggester {

    /** A candidate row and where its quote is, in code points of the text. */
    public record Candidate(Map<String, String> cells, int start, int end) {
        public String cell(String header) {
            return cells.getOrDefault(header, "");
        }
    }

    private static final Pattern REPORTING = Pattern.compile("\\b(said|says|say|told|tells|stated|states|insisted|insists"
            + "|demanded|demands|rejected|rejects|proposed|proposes|offered|offers|agreed|agree|agrees|vowed|vows|warned|warns"
            + "|confirmed|confirms|denied|denies|asserted|asserts|suggested|suggests|claimed|claims|reported|added|stressed"
            + "|according to|citing|quoting|refused|refuses|reports|indicated|informed|sees|believes|regard|regards|addressed"
            + "|hope|hopes|committed|urging|criticized|insisted)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("[\"\u201C]([^\"\u201C\u201D]{2,})[\"\u201D]");

    /** Stance by wording, strongest cue first; the knowledge base's own stance names. */
    private static final List<Map.Entry<Pattern, String>> STANCES = List.of(
            Map.entry(words("refused|refuses|refusing|not willing|unwilling|will not|would not|won't|cannot|can't"), "refusal"),
            Map.entry(words("criticized|criticised"), "rejection"),
            Map.entry(words("rejected|rejects|rejecting|reject"), "rejection"),
            Map.entry(words("denied|denies|deny"), "denial"),
            Map.entry(words("no agreement|not reached|failed to agree"), "noAgreement"),
            Map.entry(words("disagreement|disagree|disagrees"), "disagreement"),
            Map.entry(words("vowed|vows|pledged|committed|commitment|will continue"), "commitment"),
            Map.entry(words("warned|warns|threatened|threatens"), "threat"),
            Map.entry(words("demanded|demands|demand|insisted|insists|must|called for|calls for|calling for|urged|urges|urging|seek|seeks|seeking|wants"), "demand"),
            Map.entry(words("offered|offers|offer"), "offer"),
            Map.entry(words("proposed|proposes|proposal|suggested|suggests|put forward"), "proposal"),
            Map.entry(words("agreed|agree|agrees|accepted|accepts|accept|open to|approved|approves|endorsed|support|supports|willing"), "acceptance"),
            Map.entry(words("expects|expected|expect|hopes|hope|hoped|optimistic|likely"), "expectation"),
            Map.entry(words("said|says|told|stated|assessed|described|believes|believe|sees|regard|regards|indicated|informed|reports"), "assessment"));

    private static final Pattern NEGATION = words("not|no|never|n't|refused|refuses|rejected|denied|without|nothing");
    private static final Pattern HEDGE = words("could|would|might|may|is said to|are said to|was said to|allegedly|reportedly"
            + "|hope|hopes|hoped|possible|potential|likely|expected|believed");
    private static final Pattern PRECONDITION = Pattern.compile("\\b(only after|until|unless|as a precondition for"
            + "|as a condition for|provided that|before|after)\\b[^,.;\"\u201D]*", Pattern.CASE_INSENSITIVE);
    /** A cited source: [determiner or number] [adjectives] source-noun [familiar with / involved in ...]. */
    private static final Pattern CITED_SOURCE = Pattern.compile("\\b(?:((?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|several|some|multiple|the|these|those|other))\\s+|(\\d+)\\s+)?((?:(?:unnamed|senior|top|high-ranking|international"
            + "|Egyptian|Israeli|Qatari|US|U\\.S\\.|American|Hamas|Palestinian|Arab|Western|diplomatic|security|government|other"
            + "|Associated Press)\\s+)*(?:sources?|officials?|diplomats?|people|negotiators|mediators|leaders)"
            + "(?:\\s+(?:familiar|briefed|close|involved|with knowledge)\\s+(?:with|on|to|in|of)\\s+[^,.;]+)?)\\b");
    private static final Map<String, String> SIDES = Map.of("Egyptian", "Egypt", "Israeli", "Israel", "Qatari", "Qatar",
            "US", "United States", "U.S.", "United States", "American", "United States", "Hamas", "Hamas");
    private static final Map<String, Integer> COUNTS = Map.of("a", 1, "an", 1, "one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7, "eight", 8);

    private static final Pattern ANAPHOR = Pattern.compile("\\b[Tt]he (?:[\\w-]+ ){0,2}group\\b");
    private static final Pattern DEMONYM_PEOPLE = Pattern.compile("\\b(Israeli|Egyptian|Qatari|American)\\s+(?:[\\w-]+\\s+)?"
            + "(officials?|leaders|sources|negotiators|diplomats|mediators)\\b");

    private final ActorIndex actors;
    /** The armed group named last, for "the group" in later sentences. */
    private Node lastGroup;

    public Suggester(ActorIndex actors) {
        this.actors = actors;
    }

    /**
     * The candidates of a report's text. idPrefix starts each candidate's id; defaultOutlet (may be
     * null) is the outlet for sentences that name none.
     */
    public List<Candidate> suggest(String text, String idPrefix, String defaultOutlet) {
        List<Candidate> candidates = new ArrayList<>();
        lastGroup = null;
        ReportText counted = new ReportText(text);
        for (Sentences.Sentence sentence : Sentences.of(text)) {
            for (Map<String, String> cells : candidatesOf(sentence.text(), defaultOutlet)) {
                cells.put(SheetVocabulary.ID, String.format(Locale.ROOT, "%s-%02d", idPrefix, candidates.size() + 1));
                int start = text.codePointCount(0, sentence.start());
                int end = start + sentence.text().codePointCount(0, sentence.text().length());
                List<ReportText.Span> spans = counted.find(sentence.text());
                if (spans.size() > 1) {
                    for (int i = 0; i < spans.size(); i++) {
                        if (spans.get(i).start() == start) {
                            cells.put(SheetVocabulary.OCCURRENCE, String.valueOf(i + 1));
                        }
                    }
                }
                candidates.add(new Candidate(cells, start, end));
            }
        }
        return candidates;
    }

    private List<Map<String, String>> candidatesOf(String sentence, String defaultOutlet) {
        Matcher reporting = REPORTING.matcher(sentence);
        boolean attributed = reporting.find();
        Matcher quoted = QUOTED.matcher(sentence);
        boolean hasQuote = quoted.find();
        String stance = stanceOf(sentence);
        List<ActorIndex.Mention> mentions = actors.mentions(sentence);
        List<Node> parties = new ArrayList<>();
        Node speaker = null;
        String outlet = null;
        Node body = null;
        for (ActorIndex.Mention mention : mentions) {
            boolean possessive = sentence.startsWith("'s", mention.end()) || sentence.startsWith("\u2019s", mention.end());
            if (actors.is(mention.actor(), ActorIndex.Role.OUTLET)) {
                outlet = outlet == null ? actors.cellName(mention.actor()) : outlet;
            } else if (possessive || insideQuote(sentence, mention.start())) {
                continue; // "Haniyeh's media adviser" speaks, not Haniyeh
            } else if (speaker == null && actors.is(mention.actor(), ActorIndex.Role.PERSON)) {
                speaker = mention.actor();
            } else if (body == null && actors.is(mention.actor(), ActorIndex.Role.BODY)) {
                body = mention.actor();
            }
        }
        // A person named speaks rather than the body they belong to ("White House spokesperson John Kirby").
        speaker = speaker != null ? speaker : body;
        if (speaker != null && actors.partyOf(speaker) != null) {
            parties.add(actors.partyOf(speaker));
        } else {
            parties.addAll(subjectParties(sentence, mentions));
        }
        if (parties.isEmpty() && ANAPHOR.matcher(sentence).find() && lastGroup != null) {
            // "The group", "the militant group": the armed group the report spoke of last.
            parties.add(lastGroup);
        }
        for (ActorIndex.Mention mention : mentions) {
            Node party = actors.partyOf(mention.actor());
            if (party != null && actors.is(party, ActorIndex.Role.PARTY) && actors.isArmedGroup(party)) {
                lastGroup = party;
            }
        }
        if (!attributed && !hasQuote && stance == null) {
            return List.of();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Node party : parties.isEmpty() ? java.util.Collections.<Node>singletonList(null) : parties) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put(SheetVocabulary.KIND, "position");
            cells.put("party", party == null ? "" : actors.cellName(party));
            cells.put("speaker", speaker == null ? "" : actors.cellName(speaker));
            cells.put("stance", stance == null ? "" : stance);
            cells.put("outlet", outlet != null ? outlet : defaultOutlet == null ? "" : defaultOutlet);
            citedSource(sentence, cells);
            cells.put(SheetVocabulary.QUOTE, sentence);
            if (hasQuote) {
                String inside = quoted.group(1);
                boolean whole = inside.length() > sentence.length() / 2;
                cells.put("mode", whole ? "directQuote" : "partialQuote");
                cells.put("quotation", inside);
            } else {
                cells.put("mode", "paraphrase");
            }
            String negations = cues(NEGATION, sentence);
            cells.put("negation_cue", negations);
            // Without a negation the words affirm what they say; with one, the analyst decides
            // (a refusal is affirmed, "no progress has been made" is negated).
            cells.put("polarity", negations.isEmpty() ? "affirmed" : "");
            String hedges = cues(HEDGE, sentence);
            cells.put("hedge_cue", hedges);
            cells.put("modality", modalityOf(hedges));
            Matcher precondition = PRECONDITION.matcher(sentence);
            if (precondition.find()) {
                // The condition's words, for the analyst to name as a term: a cue, not a resolved name.
                cells.put("note", "precondition? \u2018" + precondition.group().strip() + "\u2019");
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The parties named before the verb: the sentence's subject ("Israel and Hamas broadly agree"). */
    private List<Node> subjectParties(String sentence, List<ActorIndex.Mention> mentions) {
        int verb = sentence.length();
        for (Map.Entry<Pattern, String> stance : STANCES) {
            Matcher m = stance.getKey().matcher(sentence);
            if (m.find()) {
                verb = Math.min(verb, m.start());
            }
        }
        List<Node> parties = new ArrayList<>();
        for (ActorIndex.Mention mention : mentions) {
            Node party = actors.partyOf(mention.actor());
            if (party == null || actors.is(mention.actor(), ActorIndex.Role.OUTLET) || insideQuote(sentence, mention.start())) {
                continue;
            }
            if (mention.start() < verb && !parties.contains(party)) {
                parties.add(party);
            }
        }
        Matcher demonym = DEMONYM_PEOPLE.matcher(sentence);
        if (parties.isEmpty() && demonym.find() && demonym.start() < verb && !insideQuote(sentence, demonym.start())) {
            // "Israeli officials have said": the officials' state, named by its adjective.
            Node party = actors.resolve(SIDES.get(demonym.group(1)));
            if (party != null) {
                parties.add(party);
            }
        }
        Matcher anaphor = ANAPHOR.matcher(sentence);
        if (parties.isEmpty() && lastGroup != null && anaphor.find() && anaphor.start() < verb) {
            // "The group", "the militant group": the armed group the report spoke of last.
            parties.add(lastGroup);
        }
        if (parties.isEmpty()) {
            for (ActorIndex.Mention mention : mentions) {
                Node party = actors.partyOf(mention.actor());
                if (party != null && !insideQuote(sentence, mention.start())) {
                    parties.add(party);
                    break;
                }
            }
        }
        // "A and B agree": both; otherwise the first named, the sentence's subject.
        if (parties.size() > 1) {
            String between = sentence.substring(0, verb);
            if (!between.matches("(?s).*\\b(and|both)\\b.*")) {
                return parties.subList(0, 1);
            }
            return parties.subList(0, 2);
        }
        return parties;
    }

    private void citedSource(String sentence, Map<String, String> cells) {
        Matcher m = CITED_SOURCE.matcher(sentence);
        if (!m.find()) {
            return;
        }
        String words = m.group().strip();
        cells.put("cited_source", words);
        String determiner = m.group(1) != null ? m.group(1).toLowerCase(Locale.ROOT) : null;
        Integer count = determiner != null ? COUNTS.get(determiner) : m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
        // A count only where the words give one ("two Egyptian sources"; "a source" is one source).
        boolean plural = m.group(3).matches("(?s).*\\b(sources|officials|diplomats|people|negotiators|mediators|leaders)\\b.*");
        if (count != null && (count > 1) == plural) {
            cells.put("source_count", String.valueOf(count));
        }
        for (Map.Entry<String, String> side : SIDES.entrySet()) {
            if (Pattern.compile("(?<![\\p{L}.])" + Pattern.quote(side.getKey()) + "(?![\\p{L}])").matcher(m.group(3)).find()) {
                Node actor = actors.resolve(side.getValue());
                if (actor != null) {
                    cells.put("source_side", actors.cellName(actor));
                }
            }
        }
    }

    static String stanceOf(String sentence) {
        for (Map.Entry<Pattern, String> stance : STANCES) {
            if (stance.getKey().matcher(sentence).find()) {
                return stance.getValue();
            }
        }
        return null;
    }

    private static String modalityOf(String hedges) {
        String h = hedges.toLowerCase(Locale.ROOT);
        if (h.contains("said to")) {
            return "reportedSpeech";
        }
        if (h.contains("allegedly")) {
            return "alleged";
        }
        if (h.contains("hope")) {
            return "hoped";
        }
        if (h.contains("expected")) {
            return "expected";
        }
        if (h.matches("(?s).*\\b(could|might|may|would|possible|potential)\\b.*")) {
            return "possible";
        }
        return h.isEmpty() ? "asserted" : "";
    }

    private static String cues(Pattern pattern, String sentence) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        return String.join(SheetVocabulary.SEPARATOR, found);
    }

    private static boolean insideQuote(String sentence, int at) {
        int quotes = 0;
        for (int i = 0; i < at; i++) {
            char c = sentence.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<![\\p{L}])(" + alternatives + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    }
}
