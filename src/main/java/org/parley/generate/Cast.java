package org.parley.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Who appears in the synthetic reports: the real parties, outlets and places of data/actors.ttl,
 * and a fixed, bounded set of synthetic outlets, speakers and places added to it. The set does not
 * grow with the number of reports (a negotiation followed for years has dozens of outlets and
 * spokespeople, not thousands), so that a query filtered by one party or one speaker keeps a
 * realistic selectivity. Synthetic people get invented names: invented words are never put in the
 * mouths of real people.
 */
final class Cast {

    /** A party to positions: its IRI, its name at the start of a sentence, its weight among positions. */
    record Party(String code, String iri, String name, double weight) {
    }

    /** A synthetic speaker: acts for a party, and is introduced by the role the report gives. */
    record Speaker(String iri, String name, Party party, String organisation, String role, String roleAsReported) {
    }

    record Outlet(String iri, String name, double weight, boolean synthetic) {
    }

    record Place(String iri, String name, boolean synthetic) {
    }

    // Shares of the positions by party in the five real reports (69 positions): Hamas 29, Israel 17,
    // United States 11, Egypt 4, Qatar 3, others 5 (Islamic Jihad, sources and people as parties).
    // The weights pick the party of the positions on shared matters; the responses to each report's
    // plan (by Hamas and Israel alike) bring the shares back to those of the real reports.
    static final Party HAMAS = new Party("H", "kb:Hamas", "Hamas", 0.48);
    static final Party ISRAEL = new Party("I", "kb:Israel", "Israel", 0.21);
    static final Party US = new Party("U", "kb:UnitedStates", "Washington", 0.16);
    static final Party EGYPT = new Party("E", "kb:Egypt", "Egypt", 0.07);
    static final Party QATAR = new Party("Q", "kb:Qatar", "Qatar", 0.06);
    static final Party JIHAD = new Party("J", "kb:PalestinianIslamicJihad", "Islamic Jihad", 0.04);

    static final List<Party> PARTIES = List.of(HAMAS, ISRAEL, US, EGYPT, QATAR, JIHAD);
    static final List<Party> MEDIATORS = List.of(US, EGYPT, QATAR);

    static final List<Place> PLACES = List.of(
            new Place("kb:Cairo", "Cairo", false),
            new Place("kb:synth-place-doha", "Doha", true),
            new Place("kb:synth-place-sharm", "Sharm el-Sheikh", true),
            new Place("kb:synth-place-jerusalem", "Jerusalem", true),
            new Place("kb:synth-place-paris", "Paris", true));
    static final Place TEL_AVIV = new Place("kb:synth-place-tel-aviv", "Tel Aviv", true);
    static final List<Place> GAZA_PLACES = List.of(
            new Place("kb:Gaza", "Gaza", false), new Place("kb:NorthernGaza", "northern Gaza", false));

    final List<Speaker> speakers = new ArrayList<>();
    final List<Outlet> outlets = new ArrayList<>();

    Cast() {
        addSpeakers(HAMAS, "kb:Hamas", new String[] {"Khalil", "Samir", "Walid", "Bassem", "Tarek", "Yousef", "Nabil",
                "Fadi", "Marwan", "Omar"}, new String[] {"Haddad", "Darwish", "Saleh", "Qasem", "Barakat", "Odeh",
                "Hamdan", "Jaber", "Khatib", "Mansour"},
                new String[][] {{"role-senior-official", "senior Hamas official"}, {"role-spokesperson", "Hamas spokesperson"},
                        {"role-leader", "Hamas leader"}, {"role-media-adviser", "Hamas media adviser"}});
        addSpeakers(ISRAEL, "kb:Israel", new String[] {"Eitan", "Tamar", "Ronen", "Shira", "Gil", "Avner", "Dana",
                "Yael", "Ilan", "Ofer"}, new String[] {"Levin", "Shapiro", "Golan", "Peretz", "Adler", "Ben-Ami",
                "Kaplan", "Segal", "Rosen", "Harel"},
                new String[][] {{"role-spokesperson", "Israeli government spokesperson"}, {"role-official", "Israeli official"},
                        {"role-senior-official", "senior Israeli official"}});
        addSpeakers(US, "kb:UnitedStates", new String[] {"Mark", "Karen", "Daniel", "Laura", "Brian", "Ellen"},
                new String[] {"Ellison", "Whitfield", "Reyes", "Kemp", "Sutton", "Price"},
                new String[][] {{"role-envoy", "US envoy"}, {"role-official", "US official"}, {"role-spokesperson", "State Department spokesperson"}});
        addSpeakers(EGYPT, "kb:Egypt", new String[] {"Hany", "Amr", "Mona", "Sherif", "Rania"},
                new String[] {"Fouad", "Soliman", "Rashed", "Ezzat", "Galal"},
                new String[][] {{"role-official", "Egyptian official"}, {"role-spokesperson", "Egyptian foreign ministry spokesperson"}});
        addSpeakers(QATAR, "kb:Qatar", new String[] {"Saad", "Jassim", "Mariam", "Hamad", "Latifa"},
                new String[] {"Al-Kubaisi", "Al-Marri", "Al-Naimi", "Al-Sulaiti", "Al-Hajri"},
                new String[][] {{"role-spokesperson", "Qatari foreign ministry spokesperson"}, {"role-envoy", "Qatari mediator"}});
        addSpeakers(JIHAD, "kb:PalestinianIslamicJihad", new String[] {"Ziad", "Raed", "Mahmoud"},
                new String[] {"Abu Hamid", "Shalabi", "Awad"},
                new String[][] {{"role-official", "Islamic Jihad official"}, {"role-spokesperson", "Islamic Jihad spokesperson"}});

        // Real outlets first, then invented ones: a few outlets carry most of the reporting.
        String[][] real = {{"kb:Reuters", "Reuters"}, {"kb:AssociatedPress", "The Associated Press"},
                {"kb:WallStreetJournal", "The Wall Street Journal"}, {"kb:CNN", "CNN"}, {"kb:i24NEWS", "i24NEWS"},
                {"kb:IsraelTelevision", "Israel television"}};
        for (int i = 0; i < real.length; i++) {
            outlets.add(new Outlet(real[i][0], real[i][1], 1.0 / (i + 1), false));
        }
        String[] invented = {"Levant Ledger", "Gulf Dispatch", "Mediterranean Wire", "Eastern Courier", "Harbour Post",
                "Sinai Observer", "Crossing Times", "Desert Bulletin", "Coastal Herald", "Red Sea Review",
                "Jordan Valley News", "Delta Daily", "Meridian Press", "Northern Star Weekly", "Atlas Newswire",
                "Crescent Report", "Cedar Gazette", "Orient Monitor", "Horizon Wire", "Shoreline Journal",
                "Bridge News Agency", "Compass Daily", "Keystone Times", "Lantern Media"};
        for (int i = 0; i < invented.length; i++) {
            String slug = invented[i].toLowerCase().replaceAll("[^a-z]+", "-");
            outlets.add(new Outlet("kb:synth-outlet-" + slug, invented[i], 1.0 / (i + 3), true));
        }
    }

    private void addSpeakers(Party party, String organisation, String[] first, String[] last, String[][] roles) {
        for (int i = 0; i < first.length; i++) {
            String name = first[i] + " " + last[(i * 3) % last.length];
            String slug = name.toLowerCase().replaceAll("[^a-z]+", "-");
            String[] role = roles[i % roles.length];
            speakers.add(new Speaker("kb:synth-person-" + slug, name, party, organisation, "kb:" + role[0], role[1]));
        }
    }

    List<Speaker> speakersOf(Party party) {
        return speakers.stream().filter(s -> s.party() == party).toList();
    }

    /** "Egypt, Qatar and Washington": parties named as a sentence names them. */
    static String names(List<Party> parties) {
        if (parties.size() == 1) {
            return parties.get(0).name();
        }
        return String.join(", ", parties.subList(0, parties.size() - 1).stream().map(Party::name).toList())
                + " and " + parties.get(parties.size() - 1).name();
    }

    /** The parties' IRIs as one Turtle object list. */
    static String iris(List<Party> parties) {
        return String.join(" , ", parties.stream().map(Party::iri).toList());
    }

    /** The synthetic actors and places, appended to data/actors.ttl. */
    String actorsTurtle() {
        StringBuilder out = new StringBuilder();
        out.append("\n# -- Synthetic actors and places (parley generate) -------------------------------------------\n");
        out.append("# A fixed set: it does not grow with the number of reports. Invented names, no external identity.\n\n");
        for (Outlet outlet : outlets) {
            if (outlet.synthetic()) {
                new Turtle.Description(outlet.iri(), "parley:NewsOutlet")
                        .add("rdfs:label", Turtle.english(outlet.name()))
                        .add("parley:noLinkReason", Turtle.string("A synthetic outlet, invented by parley generate."))
                        .writeTo(out);
            }
        }
        for (Speaker speaker : speakers) {
            new Turtle.Description(speaker.iri(), "parley:Person")
                    .add("rdfs:label", Turtle.english(speaker.name()))
                    .add("parley:actsFor", speaker.party().iri())
                    .add("parley:noLinkReason", Turtle.string("A synthetic person, invented by parley generate."))
                    .writeTo(out);
        }
        List<Place> places = new ArrayList<>(PLACES);
        places.add(TEL_AVIV);
        for (Place place : places) {
            if (place.synthetic()) {
                new Turtle.Description(place.iri(), "parley:Place")
                        .add("rdfs:label", Turtle.english(place.name()))
                        .add("parley:noLinkReason", Turtle.string("Added by parley generate for synthetic reports; no Wikidata id verified."))
                        .writeTo(out);
            }
        }
        return out.toString();
    }
}
