package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.validate.Problem;
import org.parley.validate.ReportText;

/** Placing a quote: offsets in code points, the occurrence or context that picks one, and why not. */
class QuotePlacerTest {

    // "Gaza’s" has a curly apostrophe; the emoji is two chars but one code point.
    private static final String TEXT = "\uD83D\uDCF0 Hamas refused. Israel said Hamas refused. Gaza’s truce held.";
    private static final String FILE = "data/sheets/r.csv";

    private final List<Problem> problems = new ArrayList<>();
    private final CsvTable table = SheetTestGraphs.table(FILE, "quote,occurrence,context\r\n");
    private final QuotePlacer placer = new QuotePlacer(new ReportText(TEXT));

    private ReportText.Span place(String quote, String occurrence, String context) {
        return placer.place(7, Map.of("quote", quote, "occurrence", occurrence, "context", context),
                new SheetProblems(table, problems));
    }

    @Test
    void aQuoteThatOccursOnceIsPlacedInCodePoints() {
        assertEquals(new ReportText.Span(44, 62), place(" Gaza’s truce held. ", "", ""));
        assertEquals(List.of(), problems);
    }

    @Test
    void aQuoteThatOccursTwiceNeedsItsOccurrenceOrContext() {
        assertNull(place("Hamas refused", "", ""));
        assertEquals(new ReportText.Span(29, 42), place("Hamas refused", "2", ""));
        assertEquals(new ReportText.Span(29, 42), place("Hamas refused", "", "said Hamas refused"));
        assertNull(place("Hamas refused", "3", ""));
        assertEquals(List.of(FILE + ":7:1", FILE + ":7:2"), problems.stream().map(Problem::location).toList());
        assertEquals("the quote occurs 2 times in the report (at code points 2, 29)", problems.get(0).message());
    }

    @Test
    void aContextMustOccurOnceAndHoldTheQuote() {
        assertNull(place("Hamas refused", "", "Hamas refused"));
        assertNull(place("Hamas refused", "", "Israel said"));
        assertNull(place("Hamas refused", "", "Egypt said"));
        assertEquals(List.of("the context occurs 2 times in the report", "the context does not hold the quote",
                "the context is not in the report's text"), problems.stream().map(Problem::message).toList());
        assertEquals(FILE + ":7:3", problems.get(0).location());
    }

    @Test
    void aQuoteNotInTheTextSaysWhetherOnlyItsPunctuationDiffers() {
        assertNull(place("Gaza's truce held.", "", ""));
        assertNull(place("", "", ""));
        assertEquals("the words are there with other quote marks, dashes or spaces: copy them from the report",
                problems.get(0).hint());
        assertEquals("the quote is empty", problems.get(1).message());
    }
}
