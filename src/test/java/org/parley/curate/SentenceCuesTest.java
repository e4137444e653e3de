package org.parley.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a sentence's wording says on its own: stance, cues, modality, condition, cited source. */
class SentenceCuesTest {

    @Test
    void theStrongestStanceCueWins() {
        // "refused" outranks "said": the sentence is a refusal, reported.
        assertEquals("refusal", SentenceCues.stanceOf("Hamas refused to talk, an official said."));
        assertEquals("demand", SentenceCues.stanceOf("Israel called for the release of all hostages."));
        assertNull(SentenceCues.stanceOf("The talks resumed in Cairo."));
        assertEquals(6, SentenceCues.verbPosition("Hamas refused to talk, an official said."));
        assertEquals(27, SentenceCues.verbPosition("The talks resumed in Cairo."));
    }

    @Test
    void negationAndHedgeCuesAreListedOnceEachInOrder() {
        String sentence = "Israel would not agree, and could not, officials reportedly said.";
        assertEquals("not", SentenceCues.negationCues(sentence));
        assertEquals("would | could | reportedly", SentenceCues.hedgeCues(sentence));
        assertEquals("possible", SentenceCues.modalityOf("would | could | reportedly"));
        assertEquals("reportedSpeech", SentenceCues.modalityOf("is said to"));
        assertEquals("hoped", SentenceCues.modalityOf("hope"));
        assertEquals("asserted", SentenceCues.modalityOf(""));
        assertEquals("", SentenceCues.modalityOf("reportedly"));
    }

    @Test
    void aQuotationAndAReportingVerbAttribute() {
        assertEquals("No deal,", SentenceCues.quotation("\u201CNo deal,\u201D he said."));
        assertNull(SentenceCues.quotation("No quotation here."));
        assertTrue(SentenceCues.attributes("According to Reuters, talks resumed."));
        assertFalse(SentenceCues.attributes("Talks resumed."));
    }

    @Test
    void aPreconditionIsTheConditionsWordsUpToThePunctuation() {
        assertEquals("until the conditions of the future ceasefire are agreed on",
                SentenceCues.precondition("Hamas refused to move forward until the conditions of the future ceasefire are agreed on, Reuters said."));
        assertNull(SentenceCues.precondition("Hamas refused."));
    }

    @Test
    void aCitedSourceHasACountOnlyWhereItsWordsGiveOne() {
        SentenceCues.CitedSource two = SentenceCues.citedSource("Two Egyptian sources said the plan was ready.");
        assertEquals(new SentenceCues.CitedSource("Two Egyptian sources", 2, List.of("Egypt")), two);
        // "a source" is one source; "some officials" give no number.
        assertEquals(1, SentenceCues.citedSource("Reuters cited a source close to the talks.").count());
        assertNull(SentenceCues.citedSource("Some officials said so.").count());
        // "one" with a plural noun contradicts itself: no count rather than a wrong one.
        assertNull(SentenceCues.citedSource("One officials said so.").count());
        assertNull(SentenceCues.citedSource("Hamas said so."));
    }

    @Test
    void aPositionIsInsideAQuoteAfterAnOddNumberOfQuoteMarks() {
        String sentence = "\u201CIsrael must leave,\u201D Hamas said.";
        assertTrue(SentenceCues.insideQuote(sentence, sentence.indexOf("Israel")));
        assertFalse(SentenceCues.insideQuote(sentence, sentence.indexOf("Hamas")));
    }
}
