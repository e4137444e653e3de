package org.parley.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.parley.generate.Cast.Party;
import org.parley.generate.TextWriter.Placed;
import org.parley.generate.TextWriter.Span;
import org.parley.generate.Turtle.Description;

/**
 * One report while it is written: what it is (id, number, date, round of talks, outlets), the random
 * stream every choice in it draws from, its text so far, and the things and claims its graph will
 * hold, in the order they were made, with the people it has introduced and the sources it has cited.
 * The sentence classes write into it; {@link ReportTurtle} writes its graph out. The order of the
 * draws and of the claims is what makes a seed give the same bytes, so everything that draws or adds
 * goes through this one object.
 */
final class ReportDraft {

    /** A claim and the words of the report that back it. */
    record Claim(Description description, List<Span> excerpts) {
    }

    final long seed;
    final String id;
    /** The report's zero-padded number, in every IRI it mints ("kb:c00042-07"). */
    final String number;
    final LocalDate date;
    final Chronology.Episode episode;
    final Random random;
    /** The outlet whose report this is. */
    final Cast.Outlet outlet;
    /** Another outlet, which the report sometimes cites for what it reported. */
    final Cast.Outlet secondOutlet;
    /** The people the report quotes, and whom it has introduced. */
    final Speakers speakers;
    /** The anonymous sources the report cites; their descriptions head its graph. */
    final AnonymousSources sources;

    private final TextWriter text = new TextWriter();
    private final List<Description> things = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();
    private final Set<String> positionsTaken = new HashSet<>();
    private int nextClaim = 1;

    ReportDraft(Cast cast, Chronology chronology, long seed, int index, String id, String number) {
        this.seed = seed;
        this.id = id;
        this.number = number;
        // Each report draws from its own stream: what one report writes does not shift the next one's.
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
        this.date = chronology.dateOf(index);
        this.episode = chronology.episodeOf(index);
        this.outlet = Draws.outlet(random, cast.outlets);
        Cast.Outlet other = Draws.outlet(random, cast.outlets);
        this.secondOutlet = other == outlet ? cast.outlets.get(0) == outlet ? cast.outlets.get(1) : cast.outlets.get(0) : other;
        // Both keep this draft, to draw from and add claims to; neither uses it while it is being built.
        this.speakers = new Speakers(this, cast);
        this.sources = new AnonymousSources(this);
    }

    /** Appends words that carry no claim (the notice, the headline, the dateline). */
    void write(String words) {
        text.write(words);
    }

    /** Appends a sentence on a line of its own and returns it placed, for the spans of its claims. */
    Placed sentenceLine(String sentence) {
        Placed placed = text.place(sentence);
        text.write("\n");
        return placed;
    }

    /** A new claim of the report, backed by the words of the span. */
    Description claim(String kind, Span span) {
        Description claim = new Description(nextClaimIri(), kind).add("parley:inReport", "report:" + id);
        claims.add(new Claim(claim, List.of(span)));
        return claim;
    }

    Description position(Party party, String stance, String content, Span span) {
        return position(party, stance, content, span, "parley:affirmed");
    }

    Description position(Party party, String stance, String content, Span span, String polarity) {
        return claim("parley:Position", span)
                .add("parley:hasParty", party.iri())
                .add("parley:hasStance", "parley:" + stance)
                .add("parley:hasContent", content)
                .add("parley:hasPolarity", polarity);
    }

    /** Whether the party has no position of this stance on this matter in the report yet; takes it if so. */
    boolean take(Party party, String stance, String matter) {
        return positionsTaken.add(party.code() + " " + stance + " " + matter);
    }

    /** A term, proposal or event of this report, described in its graph. */
    Description thing(String iri, String type) {
        Description thing = new Description(iri, type);
        things.add(thing);
        return thing;
    }

    /** Whether the report already describes the thing (some events happen once per report). */
    boolean hasThing(String iri) {
        return things.stream().anyMatch(t -> t.subject().equals(iri));
    }

    int thingCount() {
        return things.size();
    }

    String text() {
        return text.text();
    }

    List<Description> things() {
        return things;
    }

    List<Claim> claims() {
        return claims;
    }

    private String nextClaimIri() {
        return String.format(Locale.ROOT, "kb:c%s-%02d", number, nextClaim++);
    }
}
