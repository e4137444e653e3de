package org.parley.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The negotiation matters that synthetic positions are about, shared by all reports (so that
 * corroboration, collisions and position changes find the same matter in many reports): the real
 * shared terms of data/terms.ttl and a fixed set of synthetic ones added to it. Each matter says which
 * parties take which stance on it, so that Hamas demands a permanent ceasefire and Israel rejects it,
 * never the other way round.
 */
final class Matters {

    /**
     * A matter: its IRI, the words the report text uses for it, and per stance the codes of the
     * parties that take it (see {@link Cast.Party#code()}). A synthetic matter also has its label
     * and Turtle properties; a real one is already in data/terms.ttl.
     */
    record Matter(String iri, String phrase, Map<String, String> partiesByStance, String label, String[] properties) {

        boolean taken(String stance, Cast.Party party) {
            return partiesByStance.getOrDefault(stance, "").contains(party.code());
        }
    }

    static final String DEMAND = "demand";
    static final String ACCEPTANCE = "acceptance";
    static final String REJECTION = "rejection";
    static final String REFUSAL = "refusal";
    static final String COMMITMENT = "commitment";
    static final String OFFER = "offer";
    static final String ASSESSMENT = "assessment";
    static final String EXPECTATION = "expectation";
    static final String DISAGREEMENT = "disagreement";

    static final Matter PERMANENT_CEASEFIRE = real("kb:term-permanent-ceasefire", "a permanent ceasefire",
            Map.of(DEMAND, "HJQ", REJECTION, "I", ASSESSMENT, "EQU", EXPECTATION, "EQ", REFUSAL, "I"));
    static final Matter TEMPORARY_PAUSE = real("kb:term-temporary-pause", "a further temporary pause in the fighting",
            Map.of(REJECTION, "HJ", ACCEPTANCE, "IU", OFFER, "I", ASSESSMENT, "UEQ"));
    static final Matter RESUMED_TALKS = real("kb:term-resumed-talks", "a return to negotiations",
            Map.of(ACCEPTANCE, "HIUEQJ", EXPECTATION, "UEQ", ASSESSMENT, "UEQ"));
    static final Matter PHASED_DEAL = synthetic("kb:term-synth-phased-deal", "a phased agreement",
            "a phased agreement on hostages, prisoners and a ceasefire",
            Map.of(ACCEPTANCE, "UEQHI", ASSESSMENT, "UEQ", DISAGREEMENT, "IH", EXPECTATION, "UQ"),
            "parley:hasTermType", "kb:termtype-negotiations , kb:termtype-exchange");
    static final Matter RELEASE_ALL_HOSTAGES = synthetic("kb:term-synth-release-all-hostages", "the release of all remaining hostages",
            "release of all remaining hostages held in Gaza",
            Map.of(DEMAND, "IU", OFFER, "H", REFUSAL, "H", ASSESSMENT, "IU"),
            "parley:hasTermType", "kb:termtype-hostage-release", "parley:releaseOf", "kb:group-hostages-held-by-hamas",
            "parley:obligedParty", "kb:Hamas");
    static final Matter PRISONER_RELEASE = synthetic("kb:term-synth-prisoner-release", "the release of Palestinian prisoners held by Israel",
            "release of Palestinian prisoners held by Israel",
            Map.of(DEMAND, "HJ", OFFER, "I", REJECTION, "I"),
            "parley:hasTermType", "kb:termtype-prisoner-release", "parley:releaseOf", "kb:group-palestinian-prisoners",
            "parley:obligedParty", "kb:Israel");
    static final Matter FULL_WITHDRAWAL = synthetic("kb:term-synth-full-withdrawal", "a full withdrawal of Israeli forces from Gaza",
            "full withdrawal of Israeli forces from Gaza",
            Map.of(DEMAND, "HJE", REJECTION, "I", REFUSAL, "I"),
            "parley:hasTermType", "kb:termtype-withdrawal", "parley:obligedParty", "kb:Israel");

    static final List<Matter> ALL = List.of(
            PERMANENT_CEASEFIRE,
            real("kb:term-end-of-israeli-offensive", "an end to Israel's offensive in Gaza",
                    Map.of(DEMAND, "HJE", REJECTION, "I")),
            real("kb:term-more-humanitarian-aid", "more humanitarian aid for Gaza",
                    Map.of(DEMAND, "HEQU", COMMITMENT, "UEQ", OFFER, "I")),
            TEMPORARY_PAUSE,
            RESUMED_TALKS,
            real("kb:term-military-pressure", "continued military pressure on Hamas",
                    Map.of(COMMITMENT, "I", ASSESSMENT, "I", DEMAND, "I")),
            real("kb:term-prioritise-hostages", "putting the return of the hostages first",
                    Map.of(DEMAND, "U", ASSESSMENT, "IU")),
            FULL_WITHDRAWAL,
            RELEASE_ALL_HOSTAGES,
            PRISONER_RELEASE,
            synthetic("kb:term-synth-exile-of-leaders", "the exile of Hamas leaders from Gaza",
                    "exile of Hamas leaders from Gaza",
                    Map.of(DEMAND, "I", REJECTION, "H", REFUSAL, "H"),
                    "parley:hasTermType", "kb:termtype-exile"),
            synthetic("kb:term-synth-guarantees", "international guarantees for any truce",
                    "international guarantees for a truce",
                    Map.of(DEMAND, "HJ", OFFER, "UQE", COMMITMENT, "U"),
                    "parley:hasTermType", "kb:termtype-guarantee"),
            synthetic("kb:term-synth-rafah-crossing", "the reopening of the Rafah crossing",
                    "reopening of the Rafah crossing for aid and travel",
                    Map.of(DEMAND, "HQ", COMMITMENT, "E", ACCEPTANCE, "I"),
                    "parley:hasTermType", "kb:termtype-humanitarian-aid"),
            synthetic("kb:term-synth-reconstruction", "funding for the reconstruction of Gaza",
                    "funding for the reconstruction of Gaza",
                    Map.of(COMMITMENT, "QEU", OFFER, "Q", DEMAND, "H"),
                    "parley:hasTermType", "kb:termtype-humanitarian-aid"),
            synthetic("kb:term-synth-buffer-zone", "an Israeli-controlled buffer zone inside Gaza",
                    "an Israeli-controlled buffer zone inside Gaza",
                    Map.of(DEMAND, "I", REJECTION, "HE", REFUSAL, "H"),
                    "parley:hasTermType", "kb:termtype-military-pressure", "parley:obligedParty", "kb:Israel"),
            PHASED_DEAL);

    private Matters() {
    }

    private static Matter real(String iri, String phrase, Map<String, String> parties) {
        return new Matter(iri, phrase, parties, null, null);
    }

    private static Matter synthetic(String iri, String phrase, String label, Map<String, String> parties, String... properties) {
        return new Matter(iri, phrase, parties, label, properties);
    }

    /** Matters on which the party takes the stance. */
    static List<Matter> takenBy(Cast.Party party, String stance) {
        List<Matter> matters = new ArrayList<>();
        for (Matter matter : ALL) {
            if (matter.taken(stance, party)) {
                matters.add(matter);
            }
        }
        return matters;
    }

    /** The synthetic matters, appended to data/terms.ttl. */
    static void writeTurtle(StringBuilder out) {
        out.append("\n# -- Synthetic shared terms (parley generate) -------------------------------------------------\n\n");
        for (Matter matter : ALL) {
            if (matter.label() == null) {
                continue;
            }
            Turtle.Description term = new Turtle.Description(matter.iri(), "parley:Term")
                    .add("rdfs:label", Turtle.english(matter.label()));
            for (int i = 0; i < matter.properties().length; i += 2) {
                term.add(matter.properties()[i], matter.properties()[i + 1]);
            }
            term.writeTo(out);
        }
    }
}
