package org.parley.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.parley.generate.Cast.Party;

/** Weighted and even draws from a seeded stream (the streams are seeded, so each run draws the same). */
class DrawsTest {

    @Test
    void aZeroWeightIsNeverDrawn() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            int drawn = Draws.weighted(random, new double[] {0, 2, 0, 1});
            assertTrue(drawn == 1 || drawn == 3, "drew index " + drawn + ", whose weight is 0");
        }
    }

    @Test
    void drawsInProportionToTheWeights() {
        Random random = new Random(2);
        int draws = 10_000;
        int second = 0;
        for (int i = 0; i < draws; i++) {
            second += Draws.weighted(random, new double[] {1, 3});
        }
        // 3 in 4 draws; the tolerance is over ten standard deviations of the share (0.0043).
        assertEquals(0.75, second / (double) draws, 0.05);
    }

    @Test
    void mediatorsAreNeverNoneAndNeverRepeated() {
        for (long seed = 0; seed < 500; seed++) {
            List<Party> mediators = Draws.mediators(new Random(seed));
            assertFalse(mediators.isEmpty(), "seed " + seed);
            assertTrue(Cast.MEDIATORS.containsAll(mediators), "seed " + seed + ": " + mediators);
            assertEquals(mediators.size(), new HashSet<>(mediators).size(), "seed " + seed + ": " + mediators);
        }
    }

    @Test
    void partiesAsASentenceNamesThem() {
        assertEquals("Egypt", Cast.names(List.of(Cast.EGYPT)));
        assertEquals("Egypt and Qatar", Cast.names(List.of(Cast.EGYPT, Cast.QATAR)));
        assertEquals("Washington, Egypt and Qatar", Cast.names(Cast.MEDIATORS));
        assertEquals("kb:UnitedStates , kb:Egypt , kb:Qatar", Cast.iris(Cast.MEDIATORS));
    }
}
