package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * {@code /pictures}: three pictures drawn in the browser with D3 (bundled from the WebJar, served
 * at {@code /assets/d3.min.js}) from data embedded in the page, and below them the same
 * who-demanded-what as lists, readable without JavaScript.
 * <ul>
 * <li>Who demanded what: parties and what they take positions on, one edge per party, stance and
 *     content, coloured by stance; {@code ?report=ID} keeps one report (a bookmarkable filter).</li>
 * <li>Stance timeline: one row per party, its positions in report order (and in the order of
 *     their words within a report), coloured by stance; rejections and refusals drawn as crosses,
 *     acceptances as rings; an arrow from a position to the one it supersedes.</li>
 * <li>Sourcing: outlets → the sources they cite → the people who voiced claims → the parties,
 *     following each claim's chain (a missing link is skipped).</li>
 * </ul>
 * Every node and mark links to its page.
 */
final class PicturesPage {

    private PicturesPage() {}

    static final Node POSITION = Knowledge.p("Position");

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
        Knowledge.Slice slice = kb.claims("?c a parley:Position ." + inScope, drawn);
        List<Node> positions = Claims.sorted(kb, slice.nodes());
        Knowledge.Slice claims = kb.claims("?c parley:inReport ?anyReport ." + inScope, drawn);
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
        data.put("network", network(kb, positions));
        data.put("timeline", timeline(kb, positions, timelineReports(kb, positions, reportIds)));
        data.put("sourcing", sourcing(kb, claims.nodes()));
        b.append("<script type=\"application/json\" id=\"pictures-data\">")
         .append(data.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")).append("</script>");
        b.append("<h2 id=\"lists\">Who demanded what, as lists</h2>");
        lists(kb, positions, b);
        String head = "<script src=\"/assets/d3.min.js\" defer></script><script src=\"/assets/pictures.js\" defer></script>";
        String title = only == null ? "Pictures" : "Pictures: report " + only.substring(0, 3);
        return Page.html(Html.page(title, "Who demanded what, each party's stances over time, and who is cited by whom", b.toString(), null, head));
    }

    private static String stanceName(Knowledge kb, Node pos) {
        Node stance = kb.object(pos, Knowledge.p("hasStance"));
        if (stance == null) {
            return "";
        }
        return stance.getURI().substring(stance.getURI().lastIndexOf('#') + 1);
    }

    private static JsonObject node(Knowledge kb, Node n, String kind) {
        JsonObject o = new JsonObject();
        o.put("id", n.getURI());
        o.put("label", kb.label(n));
        o.put("href", Knowledge.localPath(n.getURI()) == null ? n.getURI() : Knowledge.localPath(n.getURI()));
        o.put("kind", kind);
        return o;
    }

    /** Nodes: parties and contents; links: one per (party, stance, content), with its count. */
    static JsonObject network(Knowledge kb, List<Node> positions) {
        Map<String, JsonObject> nodes = new LinkedHashMap<>();
        Map<String, JsonObject> links = new LinkedHashMap<>();
        for (Node pos : positions) {
            String stance = stanceName(kb, pos);
            for (Node party : kb.objects(pos, Knowledge.p("hasParty"))) {
                for (Node content : kb.objects(pos, Knowledge.p("hasContent"))) {
                    if (!party.isURI() || !content.isURI()) {
                        continue;
                    }
                    nodes.putIfAbsent(party.getURI(), node(kb, party, "party"));
                    if (!nodes.containsKey(content.getURI()) || !"party".equals(nodes.get(content.getURI()).get("kind").getAsString().value())) {
                        nodes.putIfAbsent(content.getURI(), node(kb, content, "content"));
                    }
                    String key = party.getURI() + " " + stance + " " + content.getURI();
                    JsonObject link = links.get(key);
                    if (link == null) {
                        link = new JsonObject();
                        link.put("source", party.getURI());
                        link.put("target", content.getURI());
                        link.put("stance", stance);
                        link.put("stanceLabel", kb.label(kb.object(pos, Knowledge.p("hasStance"))));
                        link.put("count", 0);
                        link.put("claim", Knowledge.localPath(pos.getURI()));
                        links.put(key, link);
                    }
                    link.put("count", link.get("count").getAsNumber().value().longValue() + 1);
                }
            }
        }
        return graph(nodes, links);
    }

    /** One mark per (position, party), in report order, with what it supersedes. */
    static JsonObject timeline(Knowledge kb, List<Node> positions, List<String> reportIds) {
        JsonArray marks = new JsonArray();
        Map<String, String> parties = new TreeMap<>();
        for (Node pos : positions) {
            String report = Claims.reportId(kb, kb.object(pos, Claims.IN_REPORT));
            for (Node party : kb.objects(pos, Knowledge.p("hasParty"))) {
                if (!party.isURI()) {
                    continue;
                }
                parties.put(kb.label(party) + "\u0000" + party.getURI(), party.getURI());
                JsonObject m = new JsonObject();
                m.put("id", pos.getURI());
                m.put("party", party.getURI());
                m.put("report", report);
                m.put("stance", stanceName(kb, pos));
                m.put("stanceLabel", kb.label(kb.object(pos, Knowledge.p("hasStance"))));
                m.put("content", String.join("; ", kb.objects(pos, Knowledge.p("hasContent")).stream().map(kb::label).toList()));
                m.put("href", Knowledge.localPath(pos.getURI()));
                m.put("date", String.join("; ", kb.objects(pos, Knowledge.p("dateAsReported")).stream().map(kb::label).toList()));
                JsonArray sup = new JsonArray();
                kb.objects(pos, Knowledge.p("supersedes")).forEach(s -> sup.add(s.getURI()));
                m.put("supersedes", sup);
                marks.add(m);
            }
        }
        JsonArray partyArray = new JsonArray();
        parties.forEach((key, iri) -> {
            JsonObject p = new JsonObject();
            p.put("id", iri);
            p.put("label", key.substring(0, key.indexOf('\u0000')));
            p.put("href", Knowledge.localPath(iri) == null ? iri : Knowledge.localPath(iri));
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

    /** The reports the timeline has columns for: all of them, or, when the positions were cut, those drawn. */
    private static List<String> timelineReports(Knowledge kb, List<Node> positions, List<String> reportIds) {
        if (reportIds.size() <= MAX_CHOICES) {
            return reportIds;
        }
        java.util.Set<String> drawn = new java.util.TreeSet<>();
        positions.forEach(p -> drawn.add(Claims.reportId(kb, kb.object(p, Claims.IN_REPORT))));
        return new ArrayList<>(drawn);
    }

    /** Columns outlet, source, speaker, party; links between consecutive present links of each claim's chain. */
    static JsonObject sourcing(Knowledge kb, List<Node> claims) {
        Map<String, JsonObject> nodes = new LinkedHashMap<>();
        Map<String, JsonObject> links = new LinkedHashMap<>();
        String[] columns = {"reportedBy", "citesSource", "voicedBy", "hasParty"};
        for (Node claim : Claims.sorted(kb, claims)) {
            List<List<Node>> chain = new ArrayList<>();
            for (String c : columns) {
                chain.add(kb.objects(claim, Knowledge.p(c)).stream().filter(Node::isURI).toList());
            }
            List<Node> previous = List.of();
            for (int col = 0; col < columns.length; col++) {
                List<Node> here = chain.get(col);
                if (here.isEmpty()) {
                    continue;
                }
                for (Node n : here) {
                    String id = col + " " + n.getURI();
                    if (!nodes.containsKey(id)) {
                        JsonObject o = node(kb, n, columns[col]);
                        o.put("id", id);
                        o.put("column", col);
                        nodes.put(id, o);
                    }
                    for (Node p : previous) {
                        String from = (col - 1 - offset(chain, col)) + " " + p.getURI();
                        String key = from + ">" + id;
                        JsonObject link = links.computeIfAbsent(key, k -> {
                            JsonObject l = new JsonObject();
                            l.put("source", from);
                            l.put("target", id);
                            l.put("count", 0);
                            return l;
                        });
                        link.put("count", link.get("count").getAsNumber().value().longValue() + 1);
                    }
                }
                previous = here;
            }
        }
        return graph(nodes, links);
    }

    /** A picture's graph as the browser draws it: {"nodes": [...], "links": [...]}, each in insertion order. */
    private static JsonObject graph(Map<String, JsonObject> nodes, Map<String, JsonObject> links) {
        JsonObject out = new JsonObject();
        JsonArray n = new JsonArray();
        nodes.values().forEach(n::add);
        JsonArray l = new JsonArray();
        links.values().forEach(l::add);
        out.put("nodes", n);
        out.put("links", l);
        return out;
    }

    /** How many empty columns lie just before {@code col} in the chain. */
    private static int offset(List<List<Node>> chain, int col) {
        int skipped = 0;
        for (int c = col - 1; c >= 0 && chain.get(c).isEmpty(); c--) {
            skipped++;
        }
        return skipped;
    }

    private static void lists(Knowledge kb, List<Node> positions, StringBuilder b) {
        Map<String, Map<String, List<Node>>> byParty = new TreeMap<>();
        for (Node pos : positions) {
            for (Node party : kb.objects(pos, Knowledge.p("hasParty"))) {
                if (!party.isURI()) {
                    continue;
                }
                Node stance = kb.object(pos, Knowledge.p("hasStance"));
                byParty.computeIfAbsent(kb.label(party) + "\u0000" + party.getURI(), k -> new TreeMap<>())
                       .computeIfAbsent(stance == null ? "" : kb.label(stance), k -> new ArrayList<>()).add(pos);
            }
        }
        byParty.forEach((key, stances) -> {
            Node party = NodeFactory.createURI(key.substring(key.indexOf('\u0000') + 1));
            b.append("<h3>").append(kb.link(party)).append("</h3><dl class=\"facts\">");
            stances.forEach((stance, list) -> {
                b.append("<dt>").append(Html.esc(stance)).append("</dt><dd><ul>");
                for (Node pos : Claims.sorted(kb, list)) {
                    b.append("<li>").append(kb.links(kb.objects(pos, Knowledge.p("hasContent")))).append(" <span class=\"muted\">(")
                     .append(Claims.reportLink(kb, kb.object(pos, Claims.IN_REPORT))).append(", ")
                     .append(Html.a(Knowledge.localPath(pos.getURI()), "quote")).append(")</span></li>");
                }
                b.append("</ul></dd>");
            });
            b.append("</dl>");
        });
    }
}
