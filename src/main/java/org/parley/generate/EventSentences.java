package org.parley.generate;

import java.time.LocalDate;
import java.util.List;

import org.parley.generate.AnonymousSources.Source;
import org.parley.generate.Cast.Party;
import org.parley.generate.Cast.Speaker;
import org.parley.generate.TextWriter.Placed;
import org.parley.generate.Turtle.Description;

/**
 * The sentences about what happened: the mediation the report opens with, the round's opening (its
 * date, which reports of one round give differently), remarks to reporters, strikes, a rally, a
 * party that did not comment, an envoy, the next session. Each event is described in the report's
 * graph, with its date in the words the report gives it, or none where the report gives none.
 */
final class EventSentences {

    private final ReportDraft draft;

    /** The lead's mediation, which an envoy sentence later adds its envoy to. */
    private Description mediation;

    EventSentences(ReportDraft draft) {
        this.draft = draft;
    }

    /** The opening sentence: who mediates between whom, where. */
    void lead() {
        List<Party> mediators = Draws.mediators(draft.random);
        mediation = draft.thing("kb:ev" + draft.number + "-mediation", "parley:Mediation")
                .add("rdfs:label", Turtle.english("mediation by " + Cast.names(mediators) + " (synthetic report " + draft.number + ")"))
                .add("parley:mediator", Cast.iris(mediators))
                .add("parley:mediatesBetween", "kb:Israel , kb:Hamas");
        Source source = draft.random.nextDouble() < 0.4 ? draft.sources.next() : null;
        Placed placed = draft.sentenceLine("Mediators from " + Cast.names(mediators) + " held talks with Israeli and Hamas negotiators in "
                + draft.episode.place().name() + draft.sources.ending(source));
        Description claim = draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", mediation.subject())
                .add("parley:reportedBy", draft.outlet.iri());
        if (source == null) {
            claim.add("parley:hasModality", "parley:asserted");
        } else {
            claim.add("parley:citesSource", source.iri()).add("parley:hasModality", "parley:claimed")
                    .add("parley:hedgeCue", Turtle.string(draft.sources.told(source)));
        }
        claim.add("parley:hasReportingMode", "parley:paraphrase");
    }

    /**
     * The round's opening, dated (not always to the same day as other reports of the episode): an
     * event claim, and a figure claim on the date, so that reports of one round can disagree on it.
     */
    void roundOpened() {
        Chronology.Episode episode = draft.episode;
        LocalDate opened = episode.opened().plusDays(draft.random.nextInt(4) == 0 ? 1 : 0);
        String when = Chronology.monthDay(opened);
        Placed placed = draft.sentenceLine("Round " + episode.number() + " of the talks opened in " + episode.place().name()
                + " on " + when + ".");
        draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", episode.roundEvent())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase")
                .add("parley:dateAsReported", Turtle.string(when))
                .add("parley:monthOfYear", opened.getMonthValue())
                .add("parley:dayOfMonth", opened.getDayOfMonth());
        draft.claim("parley:FigureClaim", placed.whole())
                .add("parley:aboutQuantity", episode.quantity("opened"))
                .add("parley:valueAsReported", Turtle.string(when))
                .add("parley:monthOfYear", opened.getMonthValue())
                .add("parley:dayOfMonth", opened.getDayOfMonth())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase");
    }

    /** A speaker's remarks to reporters: the occasion of a statement. */
    void remarks() {
        Speaker speaker = draft.speakers.voiceOf(Draws.party(draft.random));
        Cast.Place place = Draws.oneOf(draft.random, Cast.PLACES);
        String when = "on " + Chronology.weekday(draft.date.minusDays(draft.random.nextInt(3)));
        // A report may give two occasions: the count of things so far tells them apart.
        String event = "kb:ev" + draft.number + "-remarks-" + (draft.thingCount() + 1);
        draft.thing(event, "parley:Meeting")
                .add("rdfs:label", Turtle.english(speaker.name() + "'s remarks to reporters in " + place.name() + " (report " + draft.number + ")"))
                .add("parley:participant", speaker.iri())
                .add("parley:location", place.iri());
        String intro = draft.speakers.intro(speaker);
        Placed placed = draft.sentenceLine(intro + " spoke to reporters in " + place.name() + " " + when + ".");
        draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", event)
                .add("parley:voicedBy", speaker.iri())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase")
                .add("parley:dateAsReported", Turtle.string(when));
        draft.speakers.affiliation(speaker, intro, placed.span(0, intro.length()));
    }

    void strikes() {
        Cast.Place place = Draws.oneOf(draft.random, Cast.GAZA_PLACES);
        String when = "on " + Chronology.weekday(draft.date.minusDays(draft.random.nextInt(2)));
        String event = "kb:ev" + draft.number + "-strikes";
        if (draft.hasThing(event)) {
            return;
        }
        draft.thing(event, "parley:MilitaryCampaign")
                .add("rdfs:label", Turtle.english("Israeli strikes across " + place.name() + " (report " + draft.number + ")"))
                .add("parley:participant", "kb:Israel")
                .add("parley:location", place.iri())
                .add("parley:partOfEvent", "kb:ev-gaza-war");
        String head = "Israeli strikes continued across " + place.name() + " " + when;
        Source source = draft.random.nextDouble() < 0.3 ? draft.sources.next() : null;
        Placed placed = draft.sentenceLine(head + draft.sources.ending(source));
        draft.sources.attribute(draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", event)
                .add("parley:reportedBy", draft.outlet.iri())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase")
                .add("parley:dateAsReported", Turtle.string(when)), source);
    }

    /** An event the report leaves undated but places after the round's opening (which it dates). */
    void rally() {
        String event = "kb:ev" + draft.number + "-rally";
        draft.thing(event, "parley:Event")
                .add("rdfs:label", Turtle.english("rally of hostages' families in Tel Aviv (report " + draft.number + ")"))
                .add("parley:location", Cast.TEL_AVIV.iri())
                .add("parley:promptedBy", draft.episode.roundEvent());
        Placed placed = draft.sentenceLine("Families of the hostages rallied in Tel Aviv after the talks opened.");
        draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", event)
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase");
    }

    /** An affirmed event in negative words: not responding happened, so the negation is a cue, not the polarity. */
    void noComment() {
        Party party = draft.random.nextBoolean() ? Cast.ISRAEL : Cast.HAMAS;
        String event = "kb:ev" + draft.number + "-no-comment";
        if (draft.hasThing(event)) {
            return;
        }
        String who = party == Cast.ISRAEL ? "Israeli" : "Hamas";
        draft.thing(event, "parley:Event")
                .add("rdfs:label", Turtle.english(who + " officials did not respond to a request for comment (report " + draft.number + ")"))
                .add("parley:participant", party.iri());
        Placed placed = draft.sentenceLine(who + " officials did not respond to a request for comment.");
        draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", event)
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasPolarity", "parley:affirmed")
                .add("parley:negationCue", Turtle.string("did not respond"))
                .add("parley:hasReportingMode", "parley:paraphrase");
    }

    /** A mediator's envoy between the delegations: the report's mediation, via that envoy. */
    void envoy() {
        Speaker speaker = draft.speakers.voiceOf(Draws.oneOf(draft.random, Cast.MEDIATORS));
        if (mediation.has("parley:viaEnvoy")) {
            return;
        }
        mediation.add("parley:viaEnvoy", speaker.iri());
        String intro = draft.speakers.intro(speaker);
        Placed placed = draft.sentenceLine(intro + " shuttled between the delegations in " + draft.episode.place().name() + ".");
        draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", mediation.subject())
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase");
        draft.speakers.affiliation(speaker, intro, placed.span(0, intro.length()));
    }

    /** A meeting to come: expected, not asserted, and dated only as "next week". */
    void nextRound() {
        String event = "kb:ev" + draft.number + "-next-session";
        if (draft.hasThing(event)) {
            return;
        }
        Cast.Place place = Draws.oneOf(draft.random, Cast.PLACES);
        draft.thing(event, "parley:Meeting")
                .add("rdfs:label", Turtle.english("next session of the talks in " + place.name() + " (report " + draft.number + ")"))
                .add("parley:location", place.iri());
        Placed placed = draft.sentenceLine("Negotiators are set to meet again in " + place.name() + " next week.");
        draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", event)
                .add("parley:hasModality", "parley:expected")
                .add("parley:hedgeCue", Turtle.string("are set to"))
                .add("parley:hasReportingMode", "parley:paraphrase")
                .add("parley:dateAsReported", Turtle.string("next week"));
    }
}
