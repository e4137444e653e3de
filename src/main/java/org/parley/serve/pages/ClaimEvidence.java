package org.parley.serve.pages;

import java.util.List;

import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * What a claim rests on, on its page: who said what as the report puts it (party, stance, content,
 * hedges, speaker, outlet and sources), the report's own words around the excerpt, and, for a
 * figure, what every report says of the same quantity, with the values that cannot both be true
 * marked. The figures table is also the page of the quantity itself.
 */
final class ClaimEvidence {

    /** Characters of the report shown on either side of the excerpt, enough for its sentence. */
    private static final int CONTEXT = 300;

    private ClaimEvidence() {}

    /** A claim's section: its facts, the report's words around its excerpt, and its figure's values. */
    static void append(Knowledge kb, Node claim, StringBuilder b) {
        Node report = kb.object(claim, Claims.IN_REPORT);
        b.append("<dl class=\"facts\">");
        Html.definition(b, "report", report == null ? "" : Html.link(kb, report));
        Html.definition(b, "party", Html.links(kb, kb.objects(claim, Parley.hasParty.asNode())));
        Html.definition(b, "stance", Claims.stance(kb, claim));
        Html.definition(b, "content", Html.links(kb, kb.objects(claim, Parley.hasContent.asNode())));
        Html.definition(b, "precondition", Html.links(kb, kb.objects(claim, Parley.hasPrecondition.asNode())));
        Html.definition(b, "addressed to", Html.links(kb, kb.objects(claim, Parley.addressedTo.asNode())));
        Html.definition(b, "about", Html.links(kb, Knowledge.concat(kb.objects(claim, Parley.aboutEvent.asNode()), kb.objects(claim, Parley.aboutProposal.asNode()),
                kb.objects(claim, Claims.ABOUT_QUANTITY))));
        Html.definition(b, "value as reported", Html.esc(String.join("; ", texts(kb, claim, Parley.valueAsReported))));
        Html.definition(b, "how it is said", Claims.howSaid(kb, claim));
        Html.definition(b, "voiced by", Html.links(kb, kb.objects(claim, Parley.voicedBy.asNode())));
        Html.definition(b, "reported by", Claims.reportedBy(kb, claim));
        Html.definition(b, "date as reported", Html.esc(String.join("; ", texts(kb, claim, Parley.dateAsReported))));
        Html.definition(b, "quotation", kb.objects(claim, Parley.quotation.asNode()).stream().map(q -> "<q>" + Html.esc(kb.label(q)) + "</q>")
                .reduce((x, y) -> x + "<br>" + y).orElse(""));
        b.append("</dl>");
        Claims.Excerpt e = Claims.excerpt(kb, claim);
        String text = report == null ? null : kb.text(report, Claims.FULL_TEXT);
        if (e != null) {
            b.append("<h2>The report's words</h2><blockquote class=\"context\">");
            if (text != null) {
                int s = Claims.utf16(text, e.start());
                int en = Claims.utf16(text, e.end());
                int from = Claims.utf16(text, Math.max(0, e.start() - CONTEXT));
                int to = Claims.utf16(text, e.end() + CONTEXT);
                b.append(from > 0 ? "… " : "").append(Html.esc(text.substring(from, s)))
                 .append("<mark>").append(Html.esc(text.substring(s, en))).append("</mark>")
                 .append(Html.esc(text.substring(en, to))).append(to < text.length() ? " …" : "");
            } else {
                b.append("<mark>").append(Html.esc(e.exact())).append("</mark>");
            }
            b.append("</blockquote><p class=\"muted\">Characters ").append(e.start()).append("–").append(e.end())
             .append(" of ").append(report == null ? "the report" : Html.link(kb, report)).append(" (Unicode code points).</p>");
        }
        List<Node> against = Claims.contradicting(kb, claim);
        if (!against.isEmpty() || kb.object(claim, Claims.ABOUT_QUANTITY) != null) {
            figures(kb, kb.object(claim, Claims.ABOUT_QUANTITY), claim, b);
        }
    }

    /** The values every report gives for a quantity; those contradicting {@code claim} marked. */
    static void figures(Knowledge kb, Node quantity, Node claim, StringBuilder b) {
        if (quantity == null) {
            return;
        }
        List<Node> against = claim == null ? List.of() : Claims.contradicting(kb, claim);
        b.append("<h2 id=\"figures\">What each report says of ").append(Html.link(kb, quantity)).append("</h2>");
        if (claim != null && !against.isEmpty()) {
            b.append("<p class=\"warn\">").append(against.size()).append(against.size() == 1 ? " other report gives" : " other reports give")
             .append(" a different value.</p>");
        }
        b.append("<table class=\"answer\"><thead><tr><th>report</th><th>value as reported</th><th>claim</th></tr></thead><tbody>");
        String about = "?c parley:aboutQuantity " + Knowledge.sparql(quantity) + " .";
        ClaimLists.Slice first = ClaimLists.slice(kb, about, Paging.FIRST);
        for (Node c : Claims.sorted(kb, first.nodes())) {
            String cls = c.equals(claim) ? " class=\"this\"" : against.contains(c) ? " class=\"disagrees\"" : "";
            b.append("<tr").append(cls).append("><td>").append(Claims.reportLink(kb, kb.object(c, Claims.IN_REPORT)))
             .append("</td><td>").append(Html.esc(String.join("; ", texts(kb, c, Parley.valueAsReported))))
             .append(against.contains(c) ? " <span class=\"badge\">disagrees</span>" : "")
             .append("</td><td>").append(Claims.quoteLink(kb, c)).append("</td></tr>");
        }
        b.append("</tbody></table>").append(ClaimLists.more(kb, about, first));
    }

    private static List<String> texts(Knowledge kb, Node s, org.apache.jena.rdf.model.Property property) {
        return kb.objects(s, property.asNode()).stream().map(kb::label).toList();
    }
}
