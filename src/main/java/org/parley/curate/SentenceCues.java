package org.parley.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.sheet.SheetVocabulary;

/**
 * What a sentence's wording says on its own, before anyone is named: whether it attributes words
 * (a reporting verb, a quotation), the stance its verb gives, its negation and hedge cues, a
 * precondition, and a cited source with the count and side its words give. Plain functions of the
 * words: no knowledge base, nothing guessed.
 */
final class SentenceCues {

    /** A cited source as the words give it: the words, a count only where they say one, the sides they name. */
    record CitedSource(String words, Integer count, List<String> sides) {
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
    /** The party an adjective names ("Egyptian sources" are on Egypt's side), by its label. */
    private static final Map<String, String> SIDES = Map.of("Egyptian", "Egypt", "Israeli", "Israel", "Qatari", "Qatar",
            "US", "United States", "U.S.", "United States", "American", "United States", "Hamas", "Hamas");
    private static final Map<String, Integer> COUNTS = Map.of("a", 1, "an", 1, "one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7, "eight", 8);

    private SentenceCues() {
    }

    /** Whether the sentence has a reporting verb or phrase (said, according to, citing ...). */
    static boolean attributes(String sentence) {
        return REPORTING.matcher(sentence).find();
    }

    /** The words inside the sentence's first quotation marks, or null. */
    static String quotation(String sentence) {
        Matcher quoted = QUOTED.matcher(sentence);
        return quoted.find() ? quoted.group(1) : null;
    }

    /** The stance of the strongest cue the sentence holds, or null. */
    static String stanceOf(String sentence) {
        for (Map.Entry<Pattern, String> stance : STANCES) {
            if (stance.getKey().matcher(sentence).find()) {
                return stance.getValue();
            }
        }
        return null;
    }

    /** Where the sentence's first stance cue starts (its verb, as near as wording tells), or its length. */
    static int verbPosition(String sentence) {
        int verb = sentence.length();
        for (Map.Entry<Pattern, String> stance : STANCES) {
            Matcher m = stance.getKey().matcher(sentence);
            if (m.find()) {
                verb = Math.min(verb, m.start());
            }
        }
        return verb;
    }

    /** The negation cues, each once, in order, as a multiple cell. */
    static String negationCues(String sentence) {
        return cues(NEGATION, sentence);
    }

    /** The hedge cues, each once, in order, as a multiple cell. */
    static String hedgeCues(String sentence) {
        return cues(HEDGE, sentence);
    }

    /** The modality the hedge cues give; asserted without any, blank where they give none of the scheme's. */
    static String modalityOf(String hedges) {
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

    /** The words of a condition ("until the conditions ... are agreed on"), or null. */
    static String precondition(String sentence) {
        Matcher precondition = PRECONDITION.matcher(sentence);
        return precondition.find() ? precondition.group().strip() : null;
    }

    /** The first cited source the sentence names, or null. */
    static CitedSource citedSource(String sentence) {
        Matcher m = CITED_SOURCE.matcher(sentence);
        if (!m.find()) {
            return null;
        }
        String determiner = m.group(1) != null ? m.group(1).toLowerCase(Locale.ROOT) : null;
        Integer count = determiner != null ? COUNTS.get(determiner) : m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
        // A count only where the words give one ("two Egyptian sources"; "a source" is one source).
        boolean plural = m.group(3).matches("(?s).*\\b(sources|officials|diplomats|people|negotiators|mediators|leaders)\\b.*");
        List<String> sides = new ArrayList<>();
        for (Map.Entry<String, String> side : SIDES.entrySet()) {
            if (Pattern.compile("(?<![\\p{L}.])" + Pattern.quote(side.getKey()) + "(?![\\p{L}])").matcher(m.group(3)).find()) {
                sides.add(side.getValue());
            }
        }
        return new CitedSource(m.group().strip(), count != null && (count > 1) == plural ? count : null, sides);
    }

    /** The party a demonym names (Israeli: Israel), or null. */
    static String sideOf(String demonym) {
        return SIDES.get(demonym);
    }

    /** Whether the position is inside quotation marks (an odd number of them before it). */
    static boolean insideQuote(String sentence, int at) {
        int quotes = 0;
        for (int i = 0; i < at; i++) {
            char c = sentence.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
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

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<![\\p{L}])(" + alternatives + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    }
}
