package org.parley.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the search page cuts and compares words: case, accents, hyphens, starts of words. */
class SearchWordsTest {

    @Test
    void wordsAreLowerCaseWithoutAccentsOrPunctuation() {
        assertEquals(List.of("60", "day"), SearchPage.words("60-day"));
        assertEquals(List.of("nono"), SearchPage.words("  NÓNO "));
        assertEquals(List.of(), SearchPage.words(" -- "));
        assertEquals(List.of("script", "alert", "1"), SearchPage.words("<script>alert(1)"));
    }

    @Test
    void aWordMatchesWholeWordsAndTheirStarts() {
        assertTrue(SearchPage.matches("Taher Al-Nono", SearchPage.words("nono")));
        assertTrue(SearchPage.matches("increasing US guarantees", SearchPage.words("Guarantee")));
        assertTrue(SearchPage.matches("a 60-day ceasefire", SearchPage.words("60-day")));
        assertFalse(SearchPage.matches("Taher Al-Nono", SearchPage.words("ono")), "not from the middle of a word");
        assertFalse(SearchPage.matches("a 60-day ceasefire", SearchPage.words("60-day truce")), "every word is needed");
    }
}
