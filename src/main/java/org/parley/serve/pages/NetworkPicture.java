package org.parley.serve.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * The data of the picture "Who demanded what" on {@code /pictures}: the parties and what they take
 * positions on as nodes, and one edge per (party, stance, content), coloured by stance, as wide as
 * the positions it stands for. The script lays it out as a force-directed network.
 */
final class NetworkPicture {

    private NetworkPicture() {}

    /** Nodes: parties and contents; links: one per (party, stance, content), with its count. */
    static JsonObject of(Knowledge kb, List<Node> positions) {
        Map<String, JsonObject> nodes = new LinkedHashMap<>();
        Map<String, JsonObject> links = new LinkedHashMap<>();
        for (Node pos : positions) {
            String stance = PictureJson.stance(kb, pos);
            for (Node party : kb.objects(pos, Parley.hasParty.asNode())) {
                for (Node content : kb.objects(pos, Parley.hasContent.asNode())) {
                    if (!party.isURI() || !content.isURI()) {
                        continue;
                    }
                    nodes.putIfAbsent(party.getURI(), PictureJson.node(kb, party, "party"));
                    // A node keeps the kind it was first drawn as: a party may also be what another
                    // party takes a position on.
                    nodes.putIfAbsent(content.getURI(), PictureJson.node(kb, content, "content"));
                    String key = party.getURI() + " " + stance + " " + content.getURI();
                    JsonObject link = links.get(key);
                    if (link == null) {
                        link = new JsonObject();
                        link.put("source", party.getURI());
                        link.put("target", content.getURI());
                        link.put("stance", stance);
                        link.put("stanceLabel", kb.label(kb.object(pos, Parley.hasStance.asNode())));
                        link.put("count", 0);
                        link.put("claim", Vocabulary.localPath(pos.getURI()));
                        links.put(key, link);
                    }
                    PictureJson.countOneMore(link);
                }
            }
        }
        return PictureJson.graph(nodes, links);
    }
}
