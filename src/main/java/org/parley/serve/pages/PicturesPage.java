package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.parley.vocab.Parley;

/**
 * {@code /pictures}: three pictures drawn in the browser with D3 (bundled from the WebJar, served
 * at {@code /assets/d3.min.js}) from data embedded in the page, and below them the same
 * who-demanded-what as lists, readable without JavaScript.
 * <ul>
 * <li>Who demanded what ({@link NetworkPicture}): parties and what they take positions on, one
 *     edge per party, stance and content, coloured by stance;</li>
 * <li>Stance timeline ({@link TimelinePicture}): one row per party, its positions in report
 *     order, coloured by stance; an arrow from a position to the one it supersedes;</li>
 * <li>Sourcing ({@link SourcingPicture}): outlets → the sources they cite → the people who
 *     voiced claims → the parties, following each claim's chain.</li>
 * </ul>
 * Every node and mark links to its page. This class picks what is drawn ({@code ?report=ID} keeps
 * one report, a bookmarkable filter; a large corpus is cut, and the page says so) and builds the
 * page around the pictures' data.
 */
final class PicturesPage {

    private PicturesPage() {}

    /**
     * Positions (and claims, for the sourcing picture) drawn at most: beyond that a picture is
     * unreadable and the page heavy; the first ones in report order are drawn, and the page says so.
     */
    static final int MAX_DRAWN = 2000;

    /** Above this many reports, the pictures of the whole corpus draw the first this many only. */
    static final int DRAWN_REPORTS = 20;

    /** Above this many reports, the report filter is a box to type an identifier in, not a list. */
    static final int MAX_CHOICES = 200;

    static Page render(Knowledge kb, String path, String report) {
        if (!path.equals("/pictures")) {
            return Page.error(404, "Not found", "No such page: " + path);
        }
        String only = report == null || report.isBlank() ? null : report.strip();
        List<Map<String, Node>> reports = kb.memo("pictures reports",
                () -> kb.select("SELECT ?r ?id WHERE { ?r a parley:Report ; dcterms:identifier ?id } ORDER BY ?id"));
        Node onlyReport = null;
        for (Map<String, Node> r : reports) {
            if (r.get("id").getLiteralLexicalForm().equals(only)) {
                onlyReport = r.get("r");
            }
        }
        if (only != null && onlyReport == null) {
            return Page.error(404, "No such report", "There is no report " + only + ".");
        }
        List<String> reportIds = only != null ? List.of(only)
                : reports.stream().map(r -> r.get("id").getLiteralLexicalForm()).toList();
        // Positions and claims in report order, at most MAX_DRAWN of each.
        // Without a report chosen, a large corpus is drawn from its first DRAWN_REPORTS reports:
        // each report's claims are one index lookup, where ordering every claim of the corpus is not.
        String inScope;
        if (onlyReport != null) {
            inScope = " ?c parley:inReport " + Knowledge.sparql(onlyReport) + " .";
        } else if (reports.size() > DRAWN_REPORTS) {
            StringBuilder values = new StringBuilder(" VALUES ?inScope {");
            reports.subList(0, DRAWN_REPORTS).forEach(r -> values.append(' ').append(Knowledge.sparql(r.get("r"))));
            inScope = values.append(" } ?c parley:inReport ?inScope .").toString();
        } else {
            inScope = "";
        }
        Paging drawn = new Paging(1, MAX_DRAWN);
        ClaimLists.Slice slice = ClaimLists.slice(kb, "?c a parley:Position ." + inScope, drawn);
        List<Node> positions = Claims.sorted(kb, slice.nodes());
        ClaimLists.Slice claims = ClaimLists.slice(kb, "?c parley:inReport ?anyReport ." + inScope, drawn);
        StringBuilder b = new StringBuilder();
        b.append("<form class=\"params\" method=\"get\"><label>Report ");
        if (reports.size() <= MAX_CHOICES) {
            b.append("<select name=\"report\"><option value=\"\">all reports</option>");
            for (Map<String, Node> r : reports) {
                String id = r.get("id").getLiteralLexicalForm();
                b.append("<option value=\"").append(Html.esc(id)).append("\"").append(id.equals(only) ? " selected" : "").append(">")
                 .append(Html.esc(kb.label(r.get("r")))).append("</option>");
            }
            b.append("</select>");
        } else {
            b.append("<input name=\"report\" placeholder=\"identifier, e.g. ").append(Html.esc(reportIds.get(0)))
             .append("\" value=\"").append(Html.esc(only == null ? "" : only)).append("\">");
        }
        b.append("</label> <button type=\"submit\">Show</button></form>");
        if (!positions.isEmpty() && (slice.hasNext() || claims.hasNext())) {
            b.append("<p class=\"warn\">The pictures draw the first ").append(positions.size()).append(" of ")
             .append(kb.count("?c a parley:Position ." + inScope)).append(" positions, in report order (")
             .append(Html.esc(Claims.reportId(kb, kb.object(positions.get(0), Claims.IN_REPORT)))).append(" to ")
             .append(Html.esc(Claims.reportId(kb, kb.object(positions.get(positions.size() - 1), Claims.IN_REPORT))))
             .append("); choose a report to see all of its own.</p>");
        } else if (onlyReport == null && reports.size() > DRAWN_REPORTS) {
            b.append("<p class=\"warn\">The pictures draw the first ").append(DRAWN_REPORTS).append(" of ").append(reports.size())
             .append(" reports; choose a report to see another.</p>");
        }
        b.append("<nav class=\"toc\">").append(Html.a("#network", "Who demanded what")).append(" · ")
         .append(Html.a("#timeline", "Stance timeline")).append(" · ").append(Html.a("#sourcing", "Sourcing")).append(" · ")
         .append(Html.a("#lists", "As lists")).append("</nav>");
        b.append("<h2 id=\"network\">Who demanded what</h2><p class=\"muted\">Parties (dark) and what they take positions on; "
                + "edges coloured by stance. Drag to rearrange; click a node to open its page.</p>"
                + "<div id=\"legend\" class=\"legend\"></div><svg id=\"network-chart\" class=\"chart\" role=\"img\" aria-label=\"Network of parties and what they demand, propose, offer, accept or reject\"></svg>");
        b.append("<h2 id=\"timeline\">Stance timeline</h2><p class=\"muted\">Each party's positions in report order; "
                + "× rejection or refusal, ○ acceptance; an arrow from a position to the one it supersedes. Click a mark for its claim.</p>"
                + "<div class=\"scroll\"><svg id=\"timeline-chart\" role=\"img\" aria-label=\"Timeline of each party's positions\"></svg></div>");
        b.append("<h2 id=\"sourcing\">Sourcing</h2><p class=\"muted\">Outlets → the sources they cite → the people who voiced claims → "
                + "the parties, following each claim; the wider the line, the more claims.</p>"
                + "<div class=\"scroll\"><svg id=\"sourcing-chart\" role=\"img\" aria-label=\"Sourcing network\"></svg></div>");
        JsonObject data = new JsonObject();
        data.put("network", NetworkPicture.of(kb, positions));
        data.put("timeline", TimelinePicture.of(kb, positions, timelineReports(kb, positions, reportIds)));
        data.put("sourcing", SourcingPicture.of(kb, claims.nodes()));
        b.append("<script type=\"application/json\" id=\"pictures-data\">")
         .append(data.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")).append("</script>");
        b.append("<h2 id=\"lists\">Who demanded what, as lists</h2>");
        lists(kb, positions, b);
        String head = "<script src=\"/assets/d3.min.js\" defer></script><script src=\"/assets/pictures.js\" defer></script>";
        String title = only == null ? "Pictures" : "Pictures: report " + only.substring(0, 3);
        return Page.html(Html.page(title, "Who demanded what, each party's stances over time, and who is cited by whom", b.toString(), null, head));
    }

    /** The reports the timeline has columns for: all of them, or, when the positions were cut, those drawn. */
    private static List<String> timelineReports(Knowledge kb, List<Node> positions, List<String> reportIds) {
        if (reportIds.size() <= MAX_CHOICES) {
            return reportIds;
        }
        Set<String> drawn = new TreeSet<>();
        positions.forEach(p -> drawn.add(Claims.reportId(kb, kb.object(p, Claims.IN_REPORT))));
        return new ArrayList<>(drawn);
    }

    /** Each party's positions grouped by stance, each with its content, report and quote. */
    private static void lists(Knowledge kb, List<Node> positions, StringBuilder b) {
        Map<String, Map<String, List<Node>>> byParty = new TreeMap<>();
        for (Node pos : positions) {
            for (Node party : kb.objects(pos, Parley.hasParty.asNode())) {
                if (!party.isURI()) {
                    continue;
                }
                Node stance = kb.object(pos, Parley.hasStance.asNode());
                byParty.computeIfAbsent(kb.label(party) + "\u0000" + party.getURI(), k -> new TreeMap<>())
                       .computeIfAbsent(stance == null ? "" : kb.label(stance), k -> new ArrayList<>()).add(pos);
            }
        }
        byParty.forEach((key, stances) -> {
            Node party = NodeFactory.createURI(key.substring(key.indexOf('\u0000') + 1));
            b.append("<h3>").append(Html.link(kb, party)).append("</h3><dl class=\"facts\">");
            stances.forEach((stance, list) -> {
                b.append("<dt>").append(Html.esc(stance)).append("</dt><dd><ul>");
                for (Node pos : Claims.sorted(kb, list)) {
                    b.append("<li>").append(Html.links(kb, kb.objects(pos, Parley.hasContent.asNode()))).append(" <span class=\"muted\">(")
                     .append(Claims.reportLink(kb, kb.object(pos, Claims.IN_REPORT))).append(", ")
                     .append(Html.a(Vocabulary.localPath(pos.getURI()), "quote")).append(")</span></li>");
                }
                b.append("</ul></dd>");
            });
            b.append("</dl>");
        });
    }
}
