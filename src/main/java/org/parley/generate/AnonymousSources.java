package org.parley.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.generate.Turtle.Description;

/**
 * The anonymous sources one report cites ("two officials briefed on the talks told Reuters"), each
 * described once in the report's graph, and the words that attribute a claim to one. A claim given
 * as what a source told the outlet is the source's claim, not the report's assertion: its modality
 * is "claimed" and the attributing words are its hedge cue.
 */
final class AnonymousSources {

    /** A cited source: its IRI and the words the report describes it with. */
    record Source(String iri, String description) {
    }

    private static final String[][] KINDS = {
        // description, count (or empty), side (or empty)
        {"a source familiar with the negotiations", "1", ""},
        {"two officials briefed on the talks", "2", ""},
        {"diplomats involved in mediating the talks", "", ""},
        {"an Israeli official", "1", "kb:Israel"},
        {"a senior Hamas official", "1", "kb:Hamas"},
        {"Egyptian officials", "", "kb:Egypt"},
        {"a Qatari official", "1", "kb:Qatar"},
        {"a US official", "1", "kb:UnitedStates"},
    };

    private final ReportDraft draft;
    private final Map<String, Source> cited = new LinkedHashMap<>();
    private final List<Description> descriptions = new ArrayList<>();

    AnonymousSources(ReportDraft draft) {
        this.draft = draft;
    }

    /** The next source to cite: a new one while the report has fewer than five, sometimes one already cited. */
    Source next() {
        if (cited.size() >= 5 || (!cited.isEmpty() && draft.random.nextDouble() < 0.2)) {
            return Draws.oneOf(draft.random, new ArrayList<>(cited.values()));
        }
        String[] kind = Draws.oneOf(draft.random, List.of(KINDS));
        Source existing = cited.get(kind[0]);
        if (existing != null) {
            return existing;
        }
        String slug = kind[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
        Source source = new Source("kb:src-" + draft.number + "-" + slug, kind[0]);
        Description description = new Description(source.iri(), "parley:AnonymousSource")
                .add("rdfs:label", Turtle.english(kind[0]))
                .add("parley:noLinkReason", Turtle.string("An anonymous source has no external identity."))
                .add("parley:sourceDescription", Turtle.string(kind[0]));
        if (!kind[1].isEmpty()) {
            description.add("parley:sourceCount", Integer.parseInt(kind[1]));
        }
        if (!kind[2].isEmpty()) {
            description.add("parley:onSideOf", kind[2]).add("parley:actsFor", kind[2]);
        }
        description.add("parley:citedBy", draft.outlet.iri());
        cited.put(kind[0], source);
        descriptions.add(description);
        return source;
    }

    /** "a US official told Reuters": the words that make a claim the source's. */
    String told(Source source) {
        return source.description() + " told " + draft.outlet.name();
    }

    /** How a sentence ends: with what a source told the outlet, or (no source) with the outlet's own report. */
    String ending(Source source) {
        return source == null ? ", " + draft.outlet.name() + " reported." : ", " + told(source) + ".";
    }

    /** A claim given as what a source told the outlet is claimed, with those words as its hedge. */
    void attribute(Description claim, Source source) {
        if (source != null) {
            claim.add("parley:citesSource", source.iri())
                    .add("parley:hedgeCue", Turtle.string(told(source)))
                    .replace("parley:hasModality", "parley:claimed");
        }
    }

    /** The sources cited so far, as the report's graph describes them, in the order first cited. */
    List<Description> descriptions() {
        return descriptions;
    }
}
