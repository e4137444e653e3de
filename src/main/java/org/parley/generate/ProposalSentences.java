package org.parley.generate;

import java.util.ArrayList;
import java.util.List;

import org.parley.generate.AnonymousSources.Source;
import org.parley.generate.Cast.Party;
import org.parley.generate.Cast.Speaker;
import org.parley.generate.TextWriter.Placed;
import org.parley.generate.Turtle.Description;

/**
 * A report's plan: a proposal in phases (or not) put forward by mediators or Israel, its terms (a
 * pause, hostages held by Hamas released in exchange for Palestinian prisoners held by Israel, and
 * in a second phase a withdrawal and an end to the war), the sentences that give it, the parties'
 * responses and, at times, Hamas's amendments and Israel's response to those.
 */
final class ProposalSentences {

    private static final String[][] CATEGORIES = {{"", ""}, {"civilian ", "kb:captive-civilians"},
        {"women and elderly ", "kb:captive-women , kb:captive-elderly"}, {"wounded ", "kb:captive-wounded"}};

    /** Why "would" in a plan's terms is no hedge: the shapes would read it as one. */
    private static final String WOULD_NOTE = "'would' gives the plan's terms, not a hedge on the report's account of the plan.";

    private final ReportDraft draft;

    ProposalSentences(ReportDraft draft) {
        this.draft = draft;
    }

    /**
     * Draws the plan and describes it and its terms now (they head the report's things); returns the
     * sentences that give it, to be written where the report's middle places them.
     */
    Runnable plan() {
        String n = draft.number;
        List<Party> proposers = draft.random.nextDouble() < 0.8 ? Draws.mediators(draft.random) : List.of(Cast.ISRAEL);
        int days = new int[] {21, 30, 42, 45, 60}[draft.random.nextInt(5)];
        int hostages = 3 + draft.random.nextInt(38);
        String[] category = CATEGORIES[draft.random.nextInt(CATEGORIES.length)];
        boolean phased = draft.random.nextDouble() < 0.6;
        boolean amended = draft.random.nextDouble() < 0.35;

        String plan = "kb:p" + n + "-plan";
        String planLabel = Cast.names(proposers) + "'s plan of report " + n;
        Description proposal = draft.thing(plan, "parley:Proposal")
                .add("rdfs:label", Turtle.english(planLabel))
                .add("parley:proposedBy", Cast.iris(proposers));
        String pause = "kb:t" + n + "-pause";
        draft.thing(pause, "parley:Term").add("rdfs:label", Turtle.english(days + "-day pause in the fighting (plan of report " + n + ")"))
                .add("parley:hasTermType", "kb:termtype-temporary-ceasefire")
                .add("parley:durationDays", days)
                .add("parley:durationAsReported", Turtle.string(days + " days"));
        String group = "kb:group-" + n + "-hostages";
        Description hostageGroup = draft.thing(group, "parley:HostageGroup")
                .add("rdfs:label", Turtle.english(hostages + " " + category[0] + "hostages held by Hamas (report " + n + ")"))
                .add("parley:heldBy", "kb:Hamas")
                .add("parley:count", hostages);
        if (!category[1].isEmpty()) {
            hostageGroup.add("parley:hasCaptiveCategory", category[1]);
        }
        String hostageTerm = "kb:t" + n + "-hostages";
        String prisonerTerm = "kb:t" + n + "-prisoners";
        draft.thing(hostageTerm, "parley:Term")
                .add("rdfs:label", Turtle.english("release of " + hostages + " " + category[0] + "hostages held by Hamas"))
                .add("parley:hasTermType", "kb:termtype-hostage-release")
                .add("parley:releaseOf", group)
                .add("parley:count", hostages)
                .add("parley:obligedParty", "kb:Hamas")
                .add("parley:inExchangeFor", prisonerTerm);
        draft.thing(prisonerTerm, "parley:Term")
                .add("rdfs:label", Turtle.english("release of Palestinian prisoners held by Israel, in exchange (plan of report " + n + ")"))
                .add("parley:hasTermType", "kb:termtype-prisoner-release , kb:termtype-exchange")
                .add("parley:releaseOf", "kb:group-palestinian-prisoners")
                .add("parley:obligedParty", "kb:Israel");
        String firstTerms = pause + " , " + hostageTerm + " , " + prisonerTerm;
        if (phased) {
            phases(proposal, planLabel, firstTerms);
        } else {
            proposal.add("parley:hasTerm", firstTerms);
        }
        return () -> sentences(plan, proposers, days, hostages, category[0], phased, amended);
    }

    /** A phased plan: the first phase has the terms drawn; the second, a withdrawal and an end to the war. */
    private void phases(Description proposal, String planLabel, String firstTerms) {
        String n = draft.number;
        String phase1 = "kb:p" + n + "-phase-1";
        String phase2 = "kb:p" + n + "-phase-2";
        proposal.add("parley:hasPhase", phase1 + " , " + phase2);
        draft.thing(phase1, "parley:Phase").add("rdfs:label", Turtle.english(planLabel + ", first phase"))
                .add("parley:phaseNumber", 1)
                .add("parley:hasTerm", firstTerms);
        draft.thing(phase2, "parley:Phase").add("rdfs:label", Turtle.english(planLabel + ", second phase"))
                .add("parley:phaseNumber", 2)
                .add("parley:hasTerm", "kb:t" + n + "-withdrawal , kb:t" + n + "-end-of-war");
        draft.thing("kb:t" + n + "-withdrawal", "parley:Term")
                .add("rdfs:label", Turtle.english("withdrawal of Israeli forces (plan of report " + n + ")"))
                .add("parley:hasTermType", "kb:termtype-withdrawal")
                .add("parley:obligedParty", "kb:Israel");
        draft.thing("kb:t" + n + "-end-of-war", "parley:Term")
                .add("rdfs:label", Turtle.english("an end to the war (plan of report " + n + ")"))
                .add("parley:hasTermType", "kb:termtype-permanent-ceasefire");
    }

    private void sentences(String plan, List<Party> proposers, int days, int hostages, String category, boolean phased,
                           boolean amended) {
        // Half the plans are given as what a source told the outlet (as report 002 gives its mediators' plan).
        Source source = draft.random.nextBoolean() ? draft.sources.next() : null;
        String told = source == null ? null : draft.sources.told(source);
        Placed placed = draft.sentenceLine("Under a plan put forward by " + Cast.names(proposers) + ", a first phase of " + days
                + " days would see " + hostages + " " + category + "hostages freed in exchange for Palestinian prisoners held by Israel"
                + (source == null ? "." : ", " + told + "."));
        List<Description> sourced = new ArrayList<>();
        sourced.add(draft.claim("parley:ProposalClaim", placed.whole())
                .add("parley:aboutProposal", plan)
                .add("parley:reportedBy", draft.outlet.iri())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasPolarity", "parley:affirmed")
                .add("parley:modalityNote", Turtle.string(WOULD_NOTE))
                .add("parley:hasReportingMode", "parley:paraphrase"));
        for (Party proposer : proposers) {
            if (draft.take(proposer, "proposal", plan)) {
                sourced.add(draft.position(proposer, "proposal", plan, placed.whole())
                        .add("parley:reportedBy", draft.outlet.iri())
                        .add("parley:hasModality", "parley:asserted")
                        .add("parley:modalityNote", Turtle.string(WOULD_NOTE))
                        .add("parley:hasReportingMode", "parley:paraphrase"));
            }
        }
        if (source != null) {
            for (Description claim : sourced) {
                claim.replace("parley:hasModality", "parley:claimed").add("parley:citesSource", source.iri())
                        .add("parley:hedgeCue", Turtle.string(told));
            }
        }
        if (phased) {
            Placed second = draft.sentenceLine("A second phase would bring a withdrawal of Israeli forces and an end to the war.");
            draft.claim("parley:ProposalClaim", second.whole())
                    .add("parley:aboutProposal", plan)
                    .add("parley:hasModality", "parley:asserted")
                    .add("parley:hasPolarity", "parley:affirmed")
                    .add("parley:modalityNote", Turtle.string(WOULD_NOTE))
                    .add("parley:hasReportingMode", "parley:paraphrase");
        }
        for (Party responder : List.of(Cast.HAMAS, Cast.ISRAEL)) {
            if (proposers.contains(responder) || draft.random.nextDouble() < 0.25) {
                continue;
            }
            respond(responder, plan, "the plan");
        }
        if (amended) {
            amendments(plan);
        }
    }

    /** A party's response to a proposal: backed, not agreed to (yet), or rejected. */
    private void respond(Party responder, String proposal, String words) {
        // Half the responses are voiced by one of the party's people.
        Speaker voice = draft.random.nextBoolean() ? draft.speakers.voiceOf(responder) : null;
        String intro = voice == null ? null : draft.speakers.intro(voice);
        String stance;
        String head;
        double roll = draft.random.nextDouble();
        if (roll < 0.35) {
            stance = "acceptance";
            head = responder.name() + " backed " + words;
        } else if (roll < 0.7) {
            stance = "noAgreement";
            head = responder.name() + " has not agreed to " + words;
        } else {
            stance = "rejection";
            head = responder.name() + " rejected " + words;
        }
        if (!draft.take(responder, stance, proposal)) {
            return;
        }
        String ending = voice != null ? ", " + intro + " said." : stance.equals("rejection") ? ", " + draft.outlet.name() + " reported." : ".";
        Placed placed = draft.sentenceLine(head + ending);
        Description position = draft.position(responder, stance, proposal, placed.whole())
                .add("parley:hasModality", "parley:asserted").add("parley:hasReportingMode", "parley:paraphrase");
        if (stance.equals("noAgreement")) {
            position.add("parley:negationCue", Turtle.string("has not agreed"));
        } else if (stance.equals("rejection")) {
            position.add("parley:negationCue", Turtle.string("rejected"));
        }
        if (voice != null) {
            position.add("parley:voicedBy", voice.iri());
            draft.speakers.affiliation(voice, intro, placed.span(head.length() + 2, head.length() + 2 + intro.length()));
        } else if (stance.equals("rejection")) {
            position.add("parley:reportedBy", draft.outlet.iri());
        }
    }

    /** Hamas's amendments to the plan: a proposal of its own, which amends the plan and which Israel answers. */
    private void amendments(String plan) {
        String n = draft.number;
        int days = new int[] {60, 70, 90}[draft.random.nextInt(3)];
        String amendment = "kb:p" + n + "-amendments";
        String term = "kb:t" + n + "-amended-ceasefire";
        draft.thing(amendment, "parley:Proposal").add("rdfs:label", Turtle.english("Hamas's amendments to the plan of report " + n))
                .add("parley:proposedBy", "kb:Hamas")
                .add("parley:amends", plan)
                .add("parley:hasTerm", term);
        draft.thing(term, "parley:Term").add("rdfs:label", Turtle.english(days + "-day ceasefire (Hamas's amendment, report " + n + ")"))
                .add("parley:hasTermType", "kb:termtype-temporary-ceasefire")
                .add("parley:durationDays", days)
                .add("parley:durationAsReported", Turtle.string(days + "-day"));
        Placed placed = draft.sentenceLine("Hamas sent back amendments asking for a " + days + "-day ceasefire.");
        draft.claim("parley:ProposalClaim", placed.whole())
                .add("parley:aboutProposal", amendment)
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasPolarity", "parley:affirmed")
                .add("parley:hasReportingMode", "parley:paraphrase");
        if (draft.take(Cast.HAMAS, "proposal", amendment)) {
            draft.position(Cast.HAMAS, "proposal", amendment, placed.whole()).add("parley:hasModality", "parley:asserted")
                    .add("parley:hasReportingMode", "parley:paraphrase");
        }
        respond(Cast.ISRAEL, amendment, "the amendments");
    }
}
