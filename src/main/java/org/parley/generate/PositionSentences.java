package org.parley.generate;

import java.util.List;

import org.parley.generate.AnonymousSources.Source;
import org.parley.generate.Cast.Party;
import org.parley.generate.Cast.Speaker;
import org.parley.generate.Matters.Matter;
import org.parley.generate.TextWriter.Placed;
import org.parley.generate.Turtle.Description;

/**
 * The sentences that give a party's position on a shared matter, attributed as the real reports
 * attribute them: voiced by a named speaker (quoted or paraphrased), told by an anonymous source, reported
 * by an outlet, or stated by the report itself; and the rarer kinds: a negated assessment, a changed
 * position, a belief held by one and voiced by another, an offer on a precondition.
 */
final class PositionSentences {

    private static final String[] STANCES = {Matters.ASSESSMENT, Matters.DEMAND, Matters.ACCEPTANCE, Matters.COMMITMENT,
        Matters.OFFER, Matters.REJECTION, Matters.REFUSAL, Matters.EXPECTATION, Matters.DISAGREEMENT};
    private static final double[] STANCE_WEIGHTS = {0.24, 0.28, 0.11, 0.09, 0.07, 0.08, 0.06, 0.05, 0.02};

    private final ReportDraft draft;

    PositionSentences(ReportDraft draft) {
        this.draft = draft;
    }

    /**
     * A position of a party on a shared matter, attributed to a speaker, a source, the outlet or nobody.
     * A party takes a stance on a matter once per report; after 30 tries at a new one, nothing is written.
     */
    void bulkPosition() {
        for (int attempt = 0; attempt < 30; attempt++) {
            Party party = Draws.party(draft.random);
            String stance = STANCES[Draws.weighted(draft.random, STANCE_WEIGHTS)];
            List<Matter> matters = Matters.takenBy(party, stance);
            if (matters.isEmpty()) {
                continue;
            }
            Matter matter = Draws.oneOf(draft.random, matters);
            if (!draft.take(party, stance, matter.iri())) {
                continue;
            }
            writePosition(party, stance, matter);
            return;
        }
    }

    private void writePosition(Party party, String stance, Matter matter) {
        double attribution = draft.random.nextDouble();
        // Drawn whatever the attribution, so that each attribution leaves the stream where the others do.
        Speaker speaker = draft.speakers.voiceOf(party);
        if (attribution < 0.40) {
            voiced(party, stance, matter, speaker);
        } else if (attribution < 0.66) {
            // Given as what an anonymous source told the outlet: claimed, not asserted by the report.
            Source source = draft.sources.next();
            String core = StanceWords.core(draft.random, party, stance, matter.phrase());
            String told = draft.sources.told(source);
            Placed placed = draft.sentenceLine(core + ", " + told + ".");
            Description position = draft.position(party, stance, matter.iri(), placed.whole())
                    .add("parley:voicedBy", source.iri())
                    .add("parley:citesSource", source.iri())
                    .add("parley:reportedBy", draft.outlet.iri())
                    .add("parley:hasReportingMode", "parley:paraphrase");
            StanceWords.cues(position, stance, core);
            position.add("parley:hedgeCue", Turtle.string(told));
            if (!stance.equals(Matters.EXPECTATION)) {
                // A hope stays hoped (one modality per claim); its source is in its hedge cues.
                position.replace("parley:hasModality", "parley:claimed");
            }
        } else if (attribution < 0.85) {
            Cast.Outlet reporter = draft.random.nextDouble() < 0.8 ? draft.outlet : draft.secondOutlet;
            String core = StanceWords.core(draft.random, party, stance, matter.phrase());
            Placed placed = draft.sentenceLine(core + ", " + reporter.name() + " reported.");
            Description position = draft.position(party, stance, matter.iri(), placed.whole())
                    .add("parley:reportedBy", reporter.iri())
                    .add("parley:hasReportingMode", "parley:paraphrase");
            StanceWords.cues(position, stance, core);
        } else {
            String core = StanceWords.core(draft.random, party, stance, matter.phrase());
            Placed placed = draft.sentenceLine(core + ".");
            Description position = draft.position(party, stance, matter.iri(), placed.whole())
                    .add("parley:hasReportingMode", "parley:paraphrase");
            StanceWords.cues(position, stance, core);
        }
    }

    /** Voiced by a named speaker: in a direct quote, a partial quote or a paraphrase. */
    private void voiced(Party party, String stance, Matter matter, Speaker speaker) {
        double how = draft.random.nextDouble();
        if (how < 0.7) {
            String quotation = StanceWords.quotation(stance, matter.phrase());
            StringBuilder sentence = new StringBuilder("\"").append(quotation).append("\" ");
            int introAt = sentence.length();
            String intro = draft.speakers.intro(speaker);
            sentence.append(intro).append(" said.");
            Placed placed = draft.sentenceLine(sentence.toString());
            Description position = draft.position(party, stance, matter.iri(), placed.whole())
                    .add("parley:voicedBy", speaker.iri())
                    .add("parley:hasReportingMode", "parley:directQuote")
                    .add("parley:quotation", Turtle.string(quotation));
            StanceWords.cues(position, stance, quotation);
            draft.speakers.affiliation(speaker, intro, placed.span(introAt, introAt + intro.length()));
        } else if (how < 0.9 && stance.equals(Matters.ASSESSMENT)) {
            String quoted = draft.random.nextBoolean() ? "the heart of any deal" : "the only way forward";
            String head = party.name() + " described " + matter.phrase() + " as \"" + quoted + "\", ";
            String intro = draft.speakers.intro(speaker);
            Placed placed = draft.sentenceLine(head + intro + " said.");
            draft.position(party, stance, matter.iri(), placed.whole())
                    .add("parley:voicedBy", speaker.iri())
                    .add("parley:hasModality", "parley:asserted")
                    .add("parley:hasReportingMode", "parley:partialQuote")
                    .add("parley:quotation", Turtle.string(quoted));
            draft.speakers.affiliation(speaker, intro, placed.span(head.length(), head.length() + intro.length()));
        } else {
            String core = StanceWords.core(draft.random, party, stance, matter.phrase());
            String head = core + ", ";
            String intro = draft.speakers.intro(speaker);
            Placed placed = draft.sentenceLine(head + intro + " told " + draft.outlet.name() + ".");
            Description position = draft.position(party, stance, matter.iri(), placed.whole())
                    .add("parley:voicedBy", speaker.iri())
                    .add("parley:reportedBy", draft.outlet.iri())
                    .add("parley:hasReportingMode", "parley:paraphrase");
            StanceWords.cues(position, stance, core);
            draft.speakers.affiliation(speaker, intro, placed.span(head.length(), head.length() + intro.length()));
        }
    }

    /** A speaker's assessment the report negates: its own term, since a shared one would make it everyone's. */
    void negatedAssessment() {
        Party party = draft.random.nextBoolean() ? Cast.HAMAS : Cast.ISRAEL;
        String term = "kb:t" + draft.number + "-real-progress";
        if (!draft.take(party, Matters.ASSESSMENT, term)) {
            return;
        }
        draft.thing(term, "parley:Term").add("rdfs:label", Turtle.english("real progress in the talks (report " + draft.number + ")"))
                .add("parley:hasTermType", "kb:termtype-negotiations");
        Speaker speaker = draft.speakers.voiceOf(party);
        String intro = draft.speakers.intro(speaker);
        Placed placed = draft.sentenceLine(intro + " said there had been no real progress in the talks.");
        draft.position(party, Matters.ASSESSMENT, term, placed.whole(), "parley:negated")
                .add("parley:voicedBy", speaker.iri())
                .add("parley:negationCue", Turtle.string("no real progress"))
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase");
        draft.speakers.affiliation(speaker, intro, placed.span(0, intro.length()));
    }

    /** "Hamas had earlier accepted X, but has since rejected it": a position that supersedes another. */
    void changedPosition() {
        Object[][] changes = {{Cast.HAMAS, Matters.TEMPORARY_PAUSE}, {Cast.ISRAEL, Matters.PHASED_DEAL},
            {Cast.HAMAS, Matters.PHASED_DEAL}, {Cast.ISRAEL, Matters.PRISONER_RELEASE}, {Cast.HAMAS, Matters.RESUMED_TALKS}};
        Object[] change = changes[draft.random.nextInt(changes.length)];
        Party party = (Party) change[0];
        Matter matter = (Matter) change[1];
        if (!draft.take(party, Matters.ACCEPTANCE, matter.iri()) || !draft.take(party, Matters.REJECTION, matter.iri())) {
            return;
        }
        String earlier = party.name() + " had earlier accepted " + matter.phrase();
        Placed placed = draft.sentenceLine(earlier + ", but has since rejected it.");
        Description before = draft.position(party, Matters.ACCEPTANCE, matter.iri(), placed.span(0, earlier.length()))
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase")
                .add("parley:sequenceInReport", 1);
        draft.position(party, Matters.REJECTION, matter.iri(), placed.whole())
                .add("parley:negationCue", Turtle.string("rejected"))
                .add("parley:supersedes", before.subject())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase")
                .add("parley:sequenceInReport", 2);
    }

    /** A leader's belief, voiced by an anonymous source: the source voices it, the leader holds it. */
    void heldBelief() {
        Party party = draft.random.nextBoolean() ? Cast.HAMAS : Cast.ISRAEL;
        Matter matter = party == Cast.HAMAS ? Matters.PERMANENT_CEASEFIRE : Matters.RELEASE_ALL_HOSTAGES;
        if (!draft.take(party, Matters.ASSESSMENT, matter.iri())) {
            return;
        }
        Speaker leader = draft.speakers.voiceOf(party);
        Source source = draft.sources.next();
        String said = source.description() + " said";
        Placed placed = draft.sentenceLine(leader.name() + " believes " + matter.phrase() + " is within reach, " + said + ".");
        draft.position(party, Matters.ASSESSMENT, matter.iri(), placed.whole())
                .add("parley:voicedBy", source.iri())
                .add("parley:holder", leader.iri())
                .add("parley:citesSource", source.iri())
                .add("parley:hasModality", "parley:believed")
                .add("parley:hedgeCue", Turtle.string("believes") + " , " + Turtle.string(said))
                .add("parley:hasReportingMode", "parley:paraphrase");
    }

    /** An offer on a precondition. */
    void conditionalOffer() {
        Object[][] offers = {{Cast.HAMAS, Matters.RELEASE_ALL_HOSTAGES, Matters.PERMANENT_CEASEFIRE},
            {Cast.ISRAEL, Matters.PRISONER_RELEASE, Matters.RELEASE_ALL_HOSTAGES},
            {Cast.ISRAEL, Matters.TEMPORARY_PAUSE, Matters.RELEASE_ALL_HOSTAGES},
            {Cast.HAMAS, Matters.RELEASE_ALL_HOSTAGES, Matters.FULL_WITHDRAWAL}};
        Object[] offer = offers[draft.random.nextInt(offers.length)];
        Party party = (Party) offer[0];
        Matter matter = (Matter) offer[1];
        Matter condition = (Matter) offer[2];
        if (!draft.take(party, Matters.OFFER, matter.iri())) {
            return;
        }
        Placed placed = draft.sentenceLine(party.name() + " offered " + matter.phrase() + " in return for " + condition.phrase()
                + ", " + draft.outlet.name() + " reported.");
        draft.position(party, Matters.OFFER, matter.iri(), placed.whole())
                .add("parley:hasPrecondition", condition.iri())
                .add("parley:reportedBy", draft.outlet.iri())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase");
    }
}
