package org.parley.generate;

import java.util.Locale;

import org.parley.generate.AnonymousSources.Source;
import org.parley.generate.TextWriter.Placed;
import org.parley.generate.Turtle.Description;

/**
 * The sentences that give figures: the round's figures (hostages and prisoners released, aid trucks a
 * day), which reports of one round give slightly differently, and the toll of the war's start, which
 * the reports give in different words and numbers. Each figure claim keeps the excerpt's own words
 * for its value and qualifier ("about", "more than").
 */
final class FigureSentences {

    private final ReportDraft draft;

    FigureSentences(ReportDraft draft) {
        this.draft = draft;
    }

    /** A figure of the episode, not always the same as other reports of the episode give it. */
    void episodeFigure() {
        Chronology.Episode episode = draft.episode;
        int which = draft.random.nextInt(3);
        int[] bases = {episode.hostagesReleased(), episode.prisonersReleased(), episode.aidTrucks()};
        int base = bases[which];
        int delta = Math.max(1, base / 10);
        int value = base + new int[] {0, 0, delta, -delta}[draft.random.nextInt(4)];
        String number = String.format(Locale.ROOT, "%,d", value);
        String since = " since round " + episode.number() + " opened";
        switch (which) {
            case 0 -> {
                String words = number + " hostages";
                Source source = draft.random.nextBoolean() ? draft.sources.next() : null;
                Placed placed = draft.sentenceLine(words + " have been released" + since + draft.sources.ending(source));
                draft.sources.attribute(figure(placed, episode.quantity("hostages"), value, words, "people", null)
                        .add("parley:reportedBy", draft.outlet.iri()), source);
            }
            case 1 -> {
                String words = number + " Palestinian prisoners";
                Source source = draft.random.nextDouble() < 0.3 ? draft.sources.next() : null;
                Placed placed = draft.sentenceLine("Israel has freed " + words + since + (source == null ? "." : draft.sources.ending(source)));
                Description claim = figure(placed, episode.quantity("prisoners"), value, words, "people", null);
                if (source != null) {
                    draft.sources.attribute(claim.add("parley:reportedBy", draft.outlet.iri()), source);
                }
            }
            default -> {
                String words = "About " + number + " aid trucks a day";
                Source source = draft.sources.next();
                String told = draft.sources.told(source);
                Placed placed = draft.sentenceLine(words + " have entered Gaza" + since + ", " + told + ".");
                Description claim = figure(placed, episode.quantity("trucks"), value, words, "trucks", "about");
                claim.add("parley:citesSource", source.iri()).add("parley:reportedBy", draft.outlet.iri())
                        .add("parley:hedgeCue", Turtle.string(told));
                claim.replace("parley:hasModality", "parley:claimed");
            }
        }
    }

    /** The war's start, with two figures that the reports give differently. */
    void october7() {
        String[][] killed = {{"about 1,200 people", "1200", "about"}, {"some 1,200 people", "1200", "some"},
            {"more than 1,100 people", "1100", "more than"}, {"1,139 people", "1139", ""}};
        String[][] taken = {{"251 people", "251", ""}, {"about 250 people", "250", "about"}, {"around 240 people", "240", "around"}};
        String[] k = killed[draft.random.nextInt(killed.length)];
        String[] t = taken[draft.random.nextInt(taken.length)];
        Placed placed = draft.sentenceLine("The war began with the Hamas-led attack on Israel on Oct. 7, 2023, in which " + k[0]
                + " were killed and " + t[0] + " were taken hostage.");
        draft.claim("parley:EventClaim", placed.whole())
                .add("parley:aboutEvent", "kb:ev-october-7-attack")
                .add("parley:hasModality", "parley:asserted")
                .add("parley:hasReportingMode", "parley:paraphrase")
                .add("parley:dateAsReported", Turtle.string("Oct. 7, 2023"))
                .add("parley:monthOfYear", 10)
                .add("parley:dayOfMonth", 7);
        figure(placed, "kb:q-killed-oct7", Integer.parseInt(k[1]), k[0], "people", k[2].isEmpty() ? null : k[2]);
        figure(placed, "kb:q-hostages-taken-oct7", Integer.parseInt(t[1]), t[0], "people", t[2].isEmpty() ? null : t[2]);
    }

    /** A figure claim on the whole sentence, asserted; the caller adds who reported it. */
    private Description figure(Placed placed, String quantity, int value, String words, String unit, String qualifier) {
        Description claim = draft.claim("parley:FigureClaim", placed.whole())
                .add("parley:aboutQuantity", quantity)
                .add("parley:value", value)
                .add("parley:valueAsReported", Turtle.string(words))
                .add("parley:unit", Turtle.string(unit));
        if (qualifier != null) {
            claim.add("parley:valueQualifier", Turtle.string(qualifier));
        }
        return claim.add("parley:hasModality", "parley:asserted").add("parley:hasReportingMode", "parley:paraphrase");
    }
}
