package org.parley.serve.pages;

import java.util.Map;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * The shapes of the data the pictures are drawn from ({@code /assets/pictures.js} reads them from
 * the page): a node to draw, with the label, link and kind the script shows; a graph of nodes and
 * links; the stance a mark or edge is coloured by.
 */
final class PictureJson {

    private PictureJson() {}

    /** A node to draw: its IRI as id, its label, the page it links to, and its kind (party, content, a sourcing column). */
    static JsonObject node(Knowledge kb, Node n, String kind) {
        JsonObject o = new JsonObject();
        o.put("id", n.getURI());
        o.put("label", kb.label(n));
        o.put("href", href(n.getURI()));
        o.put("kind", kind);
        return o;
    }

    /** Where a click on the IRI goes: its page on this server, else the IRI itself. */
    static String href(String iri) {
        String local = Vocabulary.localPath(iri);
        return local == null ? iri : local;
    }

    /** The claim's stance as the script's key for its colour and mark (demand, rejection, ...), or "" for none. */
    static String stance(Knowledge kb, Node claim) {
        Node stance = kb.object(claim, Parley.hasStance.asNode());
        if (stance == null) {
            return "";
        }
        return stance.getURI().substring(stance.getURI().lastIndexOf('#') + 1);
    }

    /** One more claim drawn along the link (its "count", the width of its line). */
    static void countOneMore(JsonObject link) {
        link.put("count", link.get("count").getAsNumber().value().longValue() + 1);
    }

    /** A picture's graph as the browser draws it: {"nodes": [...], "links": [...]}, each in insertion order. */
    static JsonObject graph(Map<String, JsonObject> nodes, Map<String, JsonObject> links) {
        JsonObject out = new JsonObject();
        JsonArray n = new JsonArray();
        nodes.values().forEach(n::add);
        JsonArray l = new JsonArray();
        links.values().forEach(l::add);
        out.put("nodes", n);
        out.put("links", l);
        return out;
    }
}
