package org.parley.sheet;

import java.util.List;
import java.util.Map;

import org.parley.validate.ReportText;

/**
 * Where a claim row's quote is in the report's text: the only place it occurs, the occurrence the
 * occurrence column names, or the place the context column's words fix. The sheet gives no offsets
 * (an analyst cannot count code points); this class works them out, or says why it cannot.
 */
final class QuotePlacer {

    private final ReportText text;

    QuotePlacer(ReportText text) {
        this.text = text;
    }

    /** The quote cell without the spaces and line breaks a spreadsheet cell gathers at its ends. */
    static String quoteOf(Map<String, String> cells) {
        return cells.getOrDefault(SheetVocabulary.QUOTE, "").strip();
    }

    /** The span of the row's quote in the text, in code points; null, with a problem, if it has none or several. */
    ReportText.Span place(int row, Map<String, String> cells, SheetProblems problems) {
        String quote = quoteOf(cells);
        if (quote.isBlank()) {
            problems.at(row, SheetVocabulary.QUOTE, "the quote is empty",
                    "paste the report's words that say the claim, exactly as the report has them");
            return null;
        }
        List<ReportText.Span> spans = text.find(quote);
        if (spans.isEmpty()) {
            problems.at(row, SheetVocabulary.QUOTE, "the quote is not in the report's text; the closest passage is \""
                            + QuoteFinder.closestPassage(text, quote) + "\"",
                    text.containsLoosely(quote) ? "the words are there with other quote marks, dashes or spaces: copy them from the report"
                            : "copy the words from the report's text exactly");
            return null;
        }
        String context = cells.getOrDefault(SheetVocabulary.CONTEXT, "");
        if (!context.isBlank()) {
            return placedByContext(row, quote, context, problems);
        }
        String occurrenceCell = cells.getOrDefault(SheetVocabulary.OCCURRENCE, "").strip();
        if (spans.size() > 1 && occurrenceCell.isEmpty()) {
            problems.at(row, SheetVocabulary.QUOTE, "the quote occurs " + spans.size() + " times in the report (at code points "
                    + spans.stream().map(s -> String.valueOf(s.start())).reduce((a, b) -> a + ", " + b).orElse("")
                    + ")", "say which in the occurrence column (1 for the first), or give a few words around it in the context column");
            return null;
        }
        if (occurrenceCell.isEmpty()) {
            return spans.get(0);
        }
        if (!occurrenceCell.matches("\\d+") || Integer.parseInt(occurrenceCell) < 1
                || Integer.parseInt(occurrenceCell) > spans.size()) {
            problems.at(row, SheetVocabulary.OCCURRENCE,
                    "occurrence '" + occurrenceCell + "' but the quote occurs " + spans.size() + " time(s)",
                    "a number from 1 to " + spans.size());
            return null;
        }
        return spans.get(Integer.parseInt(occurrenceCell) - 1);
    }

    /**
     * Where the quote is when the context column places it: the context (words around the quote)
     * must occur once in the text and hold the quote; null, with a problem, otherwise.
     */
    private ReportText.Span placedByContext(int row, String quote, String context, SheetProblems problems) {
        List<ReportText.Span> contexts = text.find(context);
        int inside = context.indexOf(quote);
        if (contexts.size() != 1 || inside < 0) {
            problems.at(row, SheetVocabulary.CONTEXT, contexts.isEmpty() ? "the context is not in the report's text"
                            : contexts.size() > 1 ? "the context occurs " + contexts.size() + " times in the report"
                            : "the context does not hold the quote",
                    "give words around the quote, the quote included, that occur once in the report");
            return null;
        }
        int start = contexts.get(0).start() + context.codePointCount(0, inside);
        return new ReportText.Span(start, start + quote.codePointCount(0, quote.length()));
    }
}
