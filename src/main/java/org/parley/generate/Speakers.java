package org.parley.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.generate.Cast.Party;
import org.parley.generate.Cast.Speaker;
import org.parley.generate.TextWriter.Span;

/**
 * The people one report quotes, and how it introduces them. The first introduction names a
 * speaker's role ("senior Hamas official Khalil Haddad"), which states an affiliation: a claim of its
 * own, backed by those words. Later sentences give the name alone.
 */
final class Speakers {

    private final ReportDraft draft;
    private final Cast cast;
    private final Set<String> introduced = new HashSet<>();
    private final Map<Party, List<Speaker>> voices = new LinkedHashMap<>();

    Speakers(ReportDraft draft, Cast cast) {
        this.draft = draft;
        this.cast = cast;
    }

    /**
     * A speaker for the party: a report quotes one or two people per party (the five real reports name
     * about three people each), not a new one for every sentence.
     */
    Speaker voiceOf(Party party) {
        List<Speaker> chosen = voices.computeIfAbsent(party, p -> {
            List<Speaker> speakers = cast.speakersOf(p);
            List<Speaker> some = new ArrayList<>();
            some.add(Draws.oneOf(draft.random, speakers));
            Speaker second = Draws.oneOf(draft.random, speakers);
            if (draft.random.nextDouble() < 0.1 && !some.contains(second)) {
                some.add(second);
            }
            return some;
        });
        return Draws.oneOf(draft.random, chosen);
    }

    /** A speaker as the report introduces them: with their role the first time, by name after. */
    String intro(Speaker speaker) {
        return introduced.contains(speaker.iri()) ? speaker.name() : speaker.roleAsReported() + " " + speaker.name();
    }

    /**
     * The affiliation a first introduction states, backed by the introduction's span; nothing if the
     * speaker was introduced before (the name alone states no role).
     */
    void affiliation(Speaker speaker, String intro, Span span) {
        if (!introduced.add(speaker.iri())) {
            return;
        }
        if (!intro.equals(speaker.roleAsReported() + " " + speaker.name())) {
            throw new IllegalStateException("affiliation without its role: " + intro);
        }
        draft.claim("parley:Affiliation", span)
                .add("org:member", speaker.iri())
                .add("org:organization", speaker.organisation())
                .add("org:role", speaker.role())
                .add("parley:roleAsReported", Turtle.string(speaker.roleAsReported()));
    }
}
