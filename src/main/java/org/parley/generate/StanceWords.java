package org.parley.generate;

import java.util.Random;

import org.parley.generate.Cast.Party;
import org.parley.generate.Turtle.Description;

/**
 * The words a position's stance is given in, and what those words call for in its graph: a negating
 * verb ("rejected", "refuse") is a negation cue, a hope a hedge with its own modality. Kept together
 * so that each cue is one of the words the sentence holds, which the shapes check.
 */
final class StanceWords {

    private StanceWords() {
    }

    /** The position without its attribution: "Hamas demanded a permanent ceasefire". */
    static String core(Random random, Party party, String stance, String matter) {
        String p = party.name();
        return switch (stance) {
            case Matters.DEMAND -> p + new String[] {" demanded ", " insisted on ", " called for "}[random.nextInt(3)] + matter;
            case Matters.ACCEPTANCE -> p + new String[] {" agreed to ", " accepted ", " signed up to "}[random.nextInt(3)] + matter;
            case Matters.REJECTION -> p + " rejected " + matter;
            case Matters.REFUSAL -> p + " refused to discuss " + matter;
            case Matters.COMMITMENT -> p + new String[] {" pledged to pursue ", " vowed to press on with "}[random.nextInt(2)] + matter;
            case Matters.OFFER -> p + " offered " + matter;
            case Matters.ASSESSMENT -> p + new String[] {" described " + matter + " as the key to a deal",
                " named " + matter + " as the central issue in the talks"}[random.nextInt(2)];
            case Matters.EXPECTATION -> p + " is hoping for " + matter;
            case Matters.DISAGREEMENT -> p + " disagreed over " + matter;
            default -> throw new IllegalArgumentException(stance);
        };
    }

    /** A speaker's words for the stance: what goes between the quotation marks. */
    static String quotation(String stance, String matter) {
        return switch (stance) {
            case Matters.DEMAND -> "Our demand is " + matter + ", and that will stay our demand,";
            case Matters.ACCEPTANCE -> "We are ready to accept " + matter + ",";
            case Matters.REJECTION -> "We reject " + matter + ",";
            case Matters.REFUSAL -> "We refuse to discuss " + matter + ",";
            case Matters.COMMITMENT -> "We will keep working for " + matter + ",";
            case Matters.OFFER -> "We are offering " + matter + ",";
            case Matters.ASSESSMENT -> "The key issue now is " + matter + ",";
            case Matters.EXPECTATION -> "We hope to see " + matter + " soon,";
            case Matters.DISAGREEMENT -> "We disagree over " + matter + ",";
            default -> throw new IllegalArgumentException(stance);
        };
    }

    /** The modality and cues the stance's words call for (the words are in the claim's excerpt). */
    static void cues(Description position, String stance, String words) {
        switch (stance) {
            case Matters.REJECTION -> position.add("parley:negationCue", Turtle.string(words.contains("rejected") ? "rejected" : "reject"))
                    .add("parley:hasModality", "parley:asserted");
            case Matters.REFUSAL -> position.add("parley:negationCue", Turtle.string(words.contains("refused") ? "refused" : "refuse"))
                    .add("parley:hasModality", "parley:asserted");
            case Matters.EXPECTATION -> position.add("parley:hasModality", "parley:hoped")
                    .add("parley:hedgeCue", Turtle.string(words.contains("hoping") ? "hoping" : "hope"));
            default -> position.add("parley:hasModality", "parley:asserted");
        }
    }
}
