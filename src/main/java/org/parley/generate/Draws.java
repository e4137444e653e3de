package org.parley.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.parley.generate.Cast.Party;

/** Choices drawn from a report's random stream: one item evenly, or one by weight. */
final class Draws {

    private Draws() {
    }

    static <T> T oneOf(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** The index of one weight, drawn in proportion to the weights (one draw). */
    static int weighted(Random random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        // Only rounding leaves a roll over: it belongs to the last weight.
        return weights.length - 1;
    }

    /** A party of a position, in the shares of the real reports. */
    static Party party(Random random) {
        double[] weights = Cast.PARTIES.stream().mapToDouble(Party::weight).toArray();
        return Cast.PARTIES.get(weighted(random, weights));
    }

    static Cast.Outlet outlet(Random random, List<Cast.Outlet> outlets) {
        double[] weights = outlets.stream().mapToDouble(Cast.Outlet::weight).toArray();
        return outlets.get(weighted(random, weights));
    }

    /** Some of the mediators, each about one time in two, and never none. */
    static List<Party> mediators(Random random) {
        List<Party> mediators = new ArrayList<>();
        for (Party mediator : Cast.MEDIATORS) {
            if (random.nextDouble() < 0.55) {
                mediators.add(mediator);
            }
        }
        if (mediators.isEmpty()) {
            mediators.add(oneOf(random, Cast.MEDIATORS));
        }
        return mediators;
    }
}
