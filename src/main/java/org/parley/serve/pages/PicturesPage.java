package org.parley.serve.pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;

/**
 * {@code /pictures}: who demanded, proposed, offered, accepted or rejected what, party by party,
 * filterable by report ({@code ?report=003_5eda140543b3a4aa}); each entry links to its position's
 * quote and its content's page.
 */
final class PicturesPage {

    private PicturesPage() {}

    static Page render(Knowledge kb, String path, String report) {
        if (!path.equals("/pictures")) {
            return Page.error(404, "Not found", "No such page: " + path);
        }
        StringBuilder b = new StringBuilder();
        List<Map<String, Node>> reports = kb.select("SELECT ?r ?id WHERE { ?r a parley:Report ; dcterms:identifier ?id } ORDER BY ?id");
        b.append("<form class=\"params\" method=\"get\"><label>Report <select name=\"report\"><option value=\"\">all reports</option>");
        for (Map<String, Node> r : reports) {
            String id = r.get("id").getLiteralLexicalForm();
            b.append("<option value=\"").append(Html.esc(id)).append("\"").append(id.equals(report) ? " selected" : "").append(">")
             .append(Html.esc(kb.label(r.get("r")))).append("</option>");
        }
        b.append("</select></label> <button type=\"submit\">Show</button></form>");
        Map<String, Map<String, List<Node>>> byParty = new TreeMap<>();
        for (Node pos : kb.subjects(Knowledge.TYPE, Knowledge.p("Position"))) {
            Node r = kb.object(pos, Claims.IN_REPORT);
            if (report != null && !report.isEmpty() && !report.equals(Claims.reportId(kb, r))) {
                continue;
            }
            for (Node party : kb.objects(pos, Knowledge.p("hasParty"))) {
                Node stance = kb.object(pos, Knowledge.p("hasStance"));
                byParty.computeIfAbsent(kb.label(party) + "\u0000" + party.getURI(), k -> new TreeMap<>())
                       .computeIfAbsent(stance == null ? "" : kb.label(stance), k -> new java.util.ArrayList<>()).add(pos);
            }
        }
        b.append("<h2>Who demanded what</h2>");
        byParty.forEach((key, stances) -> {
            Node party = org.apache.jena.graph.NodeFactory.createURI(key.substring(key.indexOf('\u0000') + 1));
            b.append("<h3>").append(kb.link(party)).append("</h3><dl class=\"facts\">");
            stances.forEach((stance, positions) -> {
                b.append("<dt>").append(Html.esc(stance)).append("</dt><dd><ul>");
                for (Node pos : Claims.sorted(kb, positions)) {
                    b.append("<li>").append(kb.links(kb.objects(pos, Knowledge.p("hasContent")))).append(" <span class=\"muted\">(")
                     .append(Claims.reportLink(kb, kb.object(pos, Claims.IN_REPORT))).append(", ")
                     .append(Html.a(Knowledge.localPath(pos.getURI()), "quote")).append(")</span></li>");
                }
                b.append("</ul></dd>");
            });
            b.append("</dl>");
        });
        return Page.html(Html.page("Who demanded what", null, b.toString(), null, null));
    }
}
