package org.parley.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.parley.generate.Turtle.Description;

/** A stance's words and the cues they call for: each cue is a word the sentence holds, as the shapes require. */
class StanceWordsTest {

    private static final List<String> STANCES = List.of(Matters.DEMAND, Matters.ACCEPTANCE, Matters.REJECTION,
            Matters.REFUSAL, Matters.COMMITMENT, Matters.OFFER, Matters.ASSESSMENT, Matters.EXPECTATION, Matters.DISAGREEMENT);

    @Test
    void aRejectionInTheSpeakersWordsIsNegatedByReject() {
        Description position = cues(Matters.REJECTION, "We reject a permanent ceasefire,");
        assertEquals("\"reject\"", position.value("parley:negationCue"));
        assertEquals("parley:asserted", position.value("parley:hasModality"));
    }

    @Test
    void aRefusalInTheReportsWordsIsNegatedByRefused() {
        Description position = cues(Matters.REFUSAL, "Israel refused to discuss a full withdrawal of Israeli forces from Gaza");
        assertEquals("\"refused\"", position.value("parley:negationCue"));
        assertEquals("parley:asserted", position.value("parley:hasModality"));
    }

    @Test
    void aHopeIsHopedWithItsHedge() {
        Description position = cues(Matters.EXPECTATION, "Qatar is hoping for a return to negotiations");
        assertEquals("parley:hoped", position.value("parley:hasModality"));
        assertEquals("\"hoping\"", position.value("parley:hedgeCue"));
        assertNull(position.value("parley:negationCue"));
    }

    @Test
    void aDemandIsAssertedWithoutCues() {
        Description position = cues(Matters.DEMAND, "Hamas demanded a permanent ceasefire");
        assertEquals("parley:asserted", position.value("parley:hasModality"));
        assertFalse(position.has("parley:negationCue"));
        assertFalse(position.has("parley:hedgeCue"));
    }

    @Test
    void everyCueOfEveryWordingIsInItsWords() {
        Random random = new Random(3);
        for (String stance : STANCES) {
            // Enough draws to meet each of a stance's (at most three) wordings.
            for (int i = 0; i < 30; i++) {
                String core = StanceWords.core(random, Cast.HAMAS, stance, "a permanent ceasefire");
                assertTrue(core.startsWith("Hamas ") && core.contains("a permanent ceasefire"), core);
                assertCuesInWords(stance, core);
            }
            assertCuesInWords(stance, StanceWords.quotation(stance, "a permanent ceasefire"));
        }
    }

    private static void assertCuesInWords(String stance, String words) {
        Description position = cues(stance, words);
        assertTrue(position.has("parley:hasModality"), stance + ": " + words);
        for (String cue : new String[] {position.value("parley:negationCue"), position.value("parley:hedgeCue")}) {
            if (cue != null) {
                String unquoted = cue.substring(1, cue.length() - 1);
                assertTrue(words.contains(unquoted), stance + ": cue " + cue + " is not in \"" + words + "\"");
            }
        }
    }

    private static Description cues(String stance, String words) {
        Description position = new Description("kb:c00000-01", "parley:Position");
        StanceWords.cues(position, stance, words);
        return position;
    }
}
