package org.parley.generate;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * When the synthetic reports were written and what they have in common in time. The reports are
 * spread evenly over three years from October 2023, oldest first. Every 20 reports or so make an
 * episode: a round of talks (an event shared by the episode's reports, which date its opening, not
 * always to the same day) and three figures the reports of the episode give (hostages and prisoners
 * released, aid trucks a day), not always the same. So figures conflict and corroborate within an
 * episode rather than across the whole corpus, as figures about one round of a negotiation do; the
 * shared graph grows by one event and four quantities per episode.
 */
final class Chronology {

    static final LocalDate FIRST_DAY = LocalDate.of(2023, 10, 10);
    static final int DAYS_SPANNED = 3 * 365;
    static final int REPORTS_PER_EPISODE = 20;

    /** A round of talks. */
    record Episode(int number, LocalDate opened, Cast.Place place, int hostagesReleased, int prisonersReleased,
                   int aidTrucks) {

        String roundEvent() {
            return "kb:ev-synth-round-" + number;
        }

        String quantity(String what) {
            return "kb:q-synth-round-" + number + "-" + what;
        }
    }

    private final int reports;
    private final List<Episode> episodes = new ArrayList<>();

    Chronology(int reports, int reportsPerEpisode, Random random) {
        this.reports = reports;
        int count = Math.max(1, (reports + reportsPerEpisode - 1) / reportsPerEpisode);
        for (int number = 1; number <= count; number++) {
            int firstReport = firstReportOf(number - 1, count);
            LocalDate opened = dateOf(firstReport).minusDays(1 + random.nextInt(3));
            Cast.Place place = Cast.PLACES.get(random.nextInt(Cast.PLACES.size()));
            episodes.add(new Episode(number, opened, place, 3 + random.nextInt(38), 30 + random.nextInt(571),
                    100 + random.nextInt(501)));
        }
    }

    private int firstReportOf(int episodeIndex, int count) {
        // The smallest report index i with i * count / reports == episodeIndex.
        return (int) (((long) episodeIndex * reports + count - 1) / count);
    }

    LocalDate dateOf(int report) {
        return FIRST_DAY.plusDays((long) report * DAYS_SPANNED / Math.max(1, reports));
    }

    Episode episodeOf(int report) {
        return episodes.get((int) ((long) report * episodes.size() / reports));
    }

    List<Episode> episodes() {
        return episodes;
    }

    static String monthDay(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getDayOfMonth();
    }

    static String fullDate(LocalDate date) {
        return monthDay(date) + ", " + date.getYear();
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** The rounds of talks and their quantities, appended to data/terms.ttl. */
    void writeTurtle(StringBuilder out) {
        out.append("\n# -- Synthetic rounds of talks and their figures (parley generate): one per episode of reports --\n\n");
        for (Episode episode : episodes) {
            int n = episode.number();
            new Turtle.Description(episode.roundEvent(), "parley:Meeting")
                    .add("rdfs:label", Turtle.english("round " + n + " of the truce talks"))
                    .add("parley:participant", "kb:Israel , kb:Hamas")
                    .add("parley:location", episode.place().iri())
                    .add("parley:partOfEvent", "kb:ev-gaza-war")
                    .writeTo(out);
            new Turtle.Description(episode.quantity("opened"), "parley:Quantity")
                    .add("rdfs:label", Turtle.english("date round " + n + " of the truce talks opened")).writeTo(out);
            new Turtle.Description(episode.quantity("hostages"), "parley:Quantity")
                    .add("rdfs:label", Turtle.english("number of hostages released since round " + n + " of the truce talks")).writeTo(out);
            new Turtle.Description(episode.quantity("prisoners"), "parley:Quantity")
                    .add("rdfs:label", Turtle.english("number of Palestinian prisoners released by Israel since round " + n + " of the truce talks")).writeTo(out);
            new Turtle.Description(episode.quantity("trucks"), "parley:Quantity")
                    .add("rdfs:label", Turtle.english("number of aid trucks entering Gaza a day since round " + n + " of the truce talks")).writeTo(out);
        }
    }
}
