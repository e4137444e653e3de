package org.parley.serve.pages;

import org.apache.jena.rdf.model.Property;
import org.parley.vocab.Parley;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;

/**
 * The data of the picture "Sourcing" on {@code /pictures}: four columns (the outlets, the sources
 * they cite, the people who voiced claims, the parties), and for each claim its chain through
 * them, outlet → source → speaker → party. A report does not always name every link (an outlet
 * quoting a party directly cites no source), so a missing link is skipped: the chain joins the
 * links that are there. A line is as wide as the claims that follow it.
 */
final class SourcingPicture {

    /** The claim's properties that give each column, left to right. */
    private static final Property[] COLUMNS = {Parley.reportedBy, Parley.citesSource, Parley.voicedBy, Parley.hasParty};

    private SourcingPicture() {}

    /** Columns outlet, source, speaker, party; links between consecutive present links of each claim's chain. */
    static JsonObject of(Knowledge kb, List<Node> claims) {
        Map<String, JsonObject> nodes = new LinkedHashMap<>();
        Map<String, JsonObject> links = new LinkedHashMap<>();
        for (Node claim : Claims.sorted(kb, claims)) {
            List<List<Node>> chain = new ArrayList<>();
            for (Property c : COLUMNS) {
                chain.add(kb.objects(claim, c.asNode()).stream().filter(Node::isURI).toList());
            }
            List<Node> previous = List.of();
            for (int col = 0; col < COLUMNS.length; col++) {
                List<Node> here = chain.get(col);
                if (here.isEmpty()) {
                    continue;
                }
                for (Node n : here) {
                    // One node per thing and column: a person may be a source in one claim and a
                    // speaker in another.
                    String id = col + " " + n.getURI();
                    if (!nodes.containsKey(id)) {
                        JsonObject o = PictureJson.node(kb, n, COLUMNS[col].getLocalName());
                        o.put("id", id);
                        o.put("column", col);
                        nodes.put(id, o);
                    }
                    for (Node p : previous) {
                        String from = (col - 1 - skipped(chain, col)) + " " + p.getURI();
                        String key = from + ">" + id;
                        JsonObject link = links.computeIfAbsent(key, k -> {
                            JsonObject l = new JsonObject();
                            l.put("source", from);
                            l.put("target", id);
                            l.put("count", 0);
                            return l;
                        });
                        PictureJson.countOneMore(link);
                    }
                }
                previous = here;
            }
        }
        return PictureJson.graph(nodes, links);
    }

    /** How many empty columns lie just before {@code col} in the chain. */
    private static int skipped(List<List<Node>> chain, int col) {
        int skipped = 0;
        for (int c = col - 1; c >= 0 && chain.get(c).isEmpty(); c--) {
            skipped++;
        }
        return skipped;
    }
}
