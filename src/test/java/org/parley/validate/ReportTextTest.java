package org.parley.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTextTest {

    // "🕊" is one code point but two Java chars: offsets after it differ between the two counts.
    private final ReportText text = new ReportText("A 🕊 flew. Israel’s cabinet met. Israel’s cabinet met.");

    @Test
    void countsCodePointsNotJavaChars() {
        assertEquals(53, text.length());
        assertEquals("flew", text.substring(4, 8));
        assertEquals("🕊", text.substring(2, 3));
    }

    @Test
    void offsetsOutsideTheTextGiveNull() {
        assertNull(text.substring(50, 60));
        assertNull(text.substring(-1, 2));
        assertNull(text.substring(5, 4));
    }

    @Test
    void findsEveryOccurrenceInCodePoints() {
        assertEquals(List.of(new ReportText.Span(10, 31), new ReportText.Span(32, 53)),
                text.find("Israel’s cabinet met."));
        assertTrue(text.find("absent").isEmpty());
    }

    @Test
    void looseMatchForgivesQuoteMarksDashesAndSpaces() {
        assertTrue(text.containsLoosely("Israel's  cabinet met."));
        assertFalse(text.contains("Israel's cabinet met."));
        assertFalse(text.containsLoosely("Israel's cabinet left."));
    }
}
