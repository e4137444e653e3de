package org.parley.serve.pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * The data of the picture "Stance timeline" on {@code /pictures}: one row per party (by name), one
 * column per report, and a mark per position of the party, in report order and in the order of
 * their words within a report, with its stance (the script draws rejections and refusals as
 * crosses, acceptances as rings) and the positions it supersedes (drawn as arrows).
 */
final class TimelinePicture {

    private TimelinePicture() {}

    /** One mark per (position, party), in report order, with what it supersedes; {@code reportIds} the columns. */
    static JsonObject of(Knowledge kb, List<Node> positions, List<String> reportIds) {
        JsonArray marks = new JsonArray();
        // Rows sorted by the party's name; the IRI after the name keeps two parties of one name apart.
        Map<String, String> parties = new TreeMap<>();
        for (Node pos : positions) {
            String report = Claims.reportId(kb, kb.object(pos, Claims.IN_REPORT));
            for (Node party : kb.objects(pos, Parley.hasParty.asNode())) {
                if (!party.isURI()) {
                    continue;
                }
                parties.put(kb.label(party) + "\u0000" + party.getURI(), party.getURI());
                marks.add(mark(kb, pos, party, report));
            }
        }
        JsonArray partyArray = new JsonArray();
        parties.forEach((key, iri) -> {
            JsonObject p = new JsonObject();
            p.put("id", iri);
            p.put("label", key.substring(0, key.indexOf('\u0000')));
            p.put("href", PictureJson.href(iri));
            partyArray.add(p);
        });
        JsonArray reports = new JsonArray();
        reportIds.forEach(reports::add);
        JsonObject out = new JsonObject();
        out.put("reports", reports);
        out.put("parties", partyArray);
        out.put("marks", marks);
        return out;
    }

    /** The mark of one position in the party's row: what the script shows on hover and links to. */
    private static JsonObject mark(Knowledge kb, Node pos, Node party, String report) {
        JsonObject m = new JsonObject();
        m.put("id", pos.getURI());
        m.put("party", party.getURI());
        m.put("report", report);
        m.put("stance", PictureJson.stance(kb, pos));
        m.put("stanceLabel", kb.label(kb.object(pos, Parley.hasStance.asNode())));
        m.put("content", String.join("; ", kb.objects(pos, Parley.hasContent.asNode()).stream().map(kb::label).toList()));
        m.put("href", Vocabulary.localPath(pos.getURI()));
        m.put("date", String.join("; ", kb.objects(pos, Parley.dateAsReported.asNode()).stream().map(kb::label).toList()));
        JsonArray sup = new JsonArray();
        kb.objects(pos, Parley.supersedes.asNode()).forEach(s -> sup.add(s.getURI()));
        m.put("supersedes", sup);
        return m;
    }
}
