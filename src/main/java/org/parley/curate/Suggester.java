package org.parley.curate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * The wording is read by {@link SentenceCues}, the actors by {@link AttributionFinder}; this class
 * makes their findings into rows.
 */
public final class Suggester {

    /** A candidate row and where its quote is, in code points of the text. */
    public record Candidate(Map<String, String> cells, int start, int end) {
        public String cell(String header) {
            return cells.getOrDefault(header, "");
        }
    }

    private final ActorIndex actors;

    public Suggester(ActorIndex actors) {
        this.actors = actors;
    }

    /**
     * The candidates of a report's text. idPrefix starts each candidate's id; defaultOutlet (may be
     * null) is the outlet for sentences that name none.
     */
    public List<Candidate> suggest(String text, String idPrefix, String defaultOutlet) {
        List<Candidate> candidates = new ArrayList<>();
        AttributionFinder attributions = new AttributionFinder(actors);
        ReportText counted = new ReportText(text);
        for (Sentences.Sentence sentence : Sentences.of(text)) {
            for (Map<String, String> cells : candidatesOf(sentence.text(), attributions, defaultOutlet)) {
                cells.put(SheetVocabulary.ID, String.format(Locale.ROOT, "%s-%02d", idPrefix, candidates.size() + 1));
                int start = text.codePointCount(0, sentence.start());
                int end = start + sentence.text().codePointCount(0, sentence.text().length());
                List<ReportText.Span> spans = counted.find(sentence.text());
                if (spans.size() > 1) {
                    // The sentence's words occur again in the report: say which occurrence the quote is.
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

    /** The sentence's rows: none if it neither attributes nor takes a stance, else one per party (or one without). */
    private List<Map<String, String>> candidatesOf(String sentence, AttributionFinder attributions, String defaultOutlet) {
        boolean attributed = SentenceCues.attributes(sentence);
        String quotation = SentenceCues.quotation(sentence);
        String stance = SentenceCues.stanceOf(sentence);
        // Every sentence is attributed, kept or not, so that "the group" finds the group named last.
        AttributionFinder.Attribution attribution = attributions.find(sentence);
        if (!attributed && quotation == null && stance == null) {
            return List.of();
        }
        List<Node> parties = attribution.parties();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Node party : parties.isEmpty() ? Collections.<Node>singletonList(null) : parties) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put(SheetVocabulary.KIND, "position");
            cells.put("party", party == null ? "" : actors.cellName(party));
            cells.put("speaker", attribution.speaker() == null ? "" : actors.cellName(attribution.speaker()));
            cells.put("stance", stance == null ? "" : stance);
            String outlet = attribution.outlet();
            cells.put("outlet", outlet != null ? outlet : defaultOutlet == null ? "" : defaultOutlet);
            citedSource(sentence, cells);
            cells.put(SheetVocabulary.QUOTE, sentence);
            if (quotation != null) {
                boolean whole = quotation.length() > sentence.length() / 2;
                cells.put("mode", whole ? "directQuote" : "partialQuote");
                cells.put("quotation", quotation);
            } else {
                cells.put("mode", "paraphrase");
            }
            String negations = SentenceCues.negationCues(sentence);
            cells.put("negation_cue", negations);
            // Without a negation the words affirm what they say; with one, the analyst decides
            // (a refusal is affirmed, "no progress has been made" is negated).
            cells.put("polarity", negations.isEmpty() ? "affirmed" : "");
            String hedges = SentenceCues.hedgeCues(sentence);
            cells.put("hedge_cue", hedges);
            cells.put("modality", SentenceCues.modalityOf(hedges));
            String precondition = SentenceCues.precondition(sentence);
            if (precondition != null) {
                // The condition's words, for the analyst to name as a term: a cue, not a resolved name.
                cells.put("note", "precondition? \u2018" + precondition + "\u2019");
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The cited source cells: its words, the count they give, and its side where the knowledge base knows it. */
    private void citedSource(String sentence, Map<String, String> cells) {
        SentenceCues.CitedSource source = SentenceCues.citedSource(sentence);
        if (source == null) {
            return;
        }
        cells.put("cited_source", source.words());
        if (source.count() != null) {
            cells.put("source_count", String.valueOf(source.count()));
        }
        for (String side : source.sides()) {
            Node actor = actors.resolve(side);
            if (actor != null) {
                cells.put("source_side", actors.cellName(actor));
            }
        }
    }
}
