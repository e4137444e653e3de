package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * A report: its full text with every claim's excerpt highlighted as {@code <mark>}, then every
 * claim (party, stance, content, sources, a link to the claim's page), its outlets and sources.
 *
 * <p>Excerpts overlap (a sentence and a phrase inside it; two claims on the same words), so the
 * text is cut at every excerpt's start and end, and each piece covered by any excerpt becomes one
 * {@code <mark>} whose {@code data-claims} names all the claims covering it, innermost first.
 * The mark links to the innermost claim in the list below, so the page reads without JavaScript;
 * with it ({@code report.js}), a click shows the claims in a panel beside the text. Offsets are
 * Unicode code points ({@code oa:start}, {@code oa:end}), turned into Java string indexes here.
 */
final class ReportPage {

    private ReportPage() {}

    private record Span(Node claim, String id, int start, int end, boolean contradicted) {}

    static Page render(Knowledge kb, Node report) {
        String text = kb.text(report, Claims.FULL_TEXT);
        List<Node> claims = Claims.sorted(kb, kb.subjects(Claims.IN_REPORT, report));
        List<Span> spans = new ArrayList<>();
        for (Node c : claims) {
            Claims.Excerpt e = Claims.excerpt(kb, c);
            if (e != null && text != null) {
                spans.add(new Span(c, id(c), Claims.utf16(text, e.start()), Claims.utf16(text, e.end()),
                        !Claims.contradicting(kb, c).isEmpty()));
            }
        }
        StringBuilder b = new StringBuilder();
        Set<Node> outlets = new LinkedHashSet<>();
        Set<Node> sources = new LinkedHashSet<>();
        for (Node c : claims) {
            outlets.addAll(kb.objects(c, Parley.reportedBy.asNode()));
            sources.addAll(kb.objects(c, Parley.citesSource.asNode()));
        }
        b.append("<dl class=\"facts\">");
        b.append("<dt>identifier</dt><dd>").append(Html.esc(Claims.reportId(kb, report))).append("</dd>");
        String date = kb.text(report, Parley.statesDate.asNode());
        if (date != null) {
            b.append("<dt>date as stated</dt><dd>").append(Html.esc(date)).append("</dd>");
        }
        b.append("<dt>reported by</dt><dd>").append(outlets.isEmpty() ? "<span class=\"muted\">no outlet named</span>" : Html.links(kb, new ArrayList<>(outlets))).append("</dd>");
        b.append("<dt>sources cited</dt><dd>").append(sources.isEmpty() ? "<span class=\"muted\">none</span>" : Html.links(kb, new ArrayList<>(sources))).append("</dd>");
        b.append("<dt>claims</dt><dd>").append(claims.size()).append(" · ")
         .append(spans.stream().filter(Span::contradicted).count()).append(" contradicted by another report</dd>");
        b.append("</dl>");
        b.append("<p class=\"muted\">Highlighted: the words each claim rests on. Click one to see its claim");
        b.append("; <mark class=\"contradicted sample\">outlined</mark> where another report gives a different figure.</p>");
        b.append("<div class=\"reader\"><div class=\"report-text\" id=\"report-text\">");
        if (text == null) {
            b.append("<p>The report's text is not in the knowledge base.</p>");
        } else {
            highlighted(text, spans, b);
        }
        b.append("</div><aside id=\"claim-panel\" class=\"claim-panel\" hidden aria-live=\"polite\"></aside></div>");

        b.append("<h2 id=\"claims\">Claims</h2><ol class=\"claim-list\">");
        for (Node c : claims) {
            boolean contradicted = !Claims.contradicting(kb, c).isEmpty();
            b.append("<li id=\"").append(Html.esc(id(c))).append("\" class=\"claim").append(contradicted ? " contradicted" : "").append("\">");
            b.append("<div class=\"claim-head\">").append(Html.a(Vocabulary.localPath(c.getURI()), id(c))).append(" ");
            b.append("<span class=\"muted\">").append(Html.esc(String.join(", ", kb.parleyTypes(c).stream().map(kb::label).toList())))
             .append("</span>");
            b.append("</div><dl class=\"facts small\">");
            Html.definition(b, "party", Html.links(kb, kb.objects(c, Parley.hasParty.asNode())));
            Html.definition(b, "stance", Claims.stance(kb, c));
            Html.definition(b, "content", Html.links(kb, kb.objects(c, Parley.hasContent.asNode())));
            Html.definition(b, "precondition", Html.links(kb, kb.objects(c, Parley.hasPrecondition.asNode())));
            Html.definition(b, "about", Html.links(kb, Knowledge.concat(kb.objects(c, Parley.aboutEvent.asNode()), kb.objects(c, Parley.aboutProposal.asNode()),
                    kb.objects(c, Claims.ABOUT_QUANTITY))));
            Html.definition(b, "value", Html.esc(String.join("; ", kb.objects(c, Parley.valueAsReported.asNode()).stream().map(kb::label).toList())));
            Html.definition(b, "voiced by", Html.links(kb, kb.objects(c, Parley.voicedBy.asNode())));
            Html.definition(b, "sources", Claims.reportedBy(kb, c));
            Html.definition(b, "how it is said", Claims.howSaid(kb, c));
            if (contradicted) {
                StringBuilder other = new StringBuilder();
                for (Node o : Claims.contradicting(kb, c)) {
                    other.append(other.length() == 0 ? "" : "; ").append(Claims.reportLink(kb, kb.object(o, Claims.IN_REPORT)))
                         .append(" says ").append(Html.a(Vocabulary.localPath(o.getURI()),
                                 String.join("; ", kb.objects(o, Parley.valueAsReported.asNode()).stream().map(kb::label).toList())));
                }
                Html.definition(b, "contradicted by", other.toString());
            }
            b.append("</dl><p class=\"excerpt\">").append(Claims.quoteLink(kb, c)).append("</p></li>");
        }
        b.append("</ol>");
        String head = "<script src=\"/assets/report.js\" defer></script>";
        return Page.html(Html.page(kb.label(report), "<code>" + Html.esc(report.getURI()) + "</code> · "
                + Html.a(Vocabulary.localPath(report.getURI()) + ".ttl", "Turtle"), b.toString(), null, head));
    }

    /** The text, cut at every span boundary; each covered piece a mark naming its claims. */
    private static void highlighted(String text, List<Span> spans, StringBuilder b) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Span s : spans) {
            cuts.add(s.start());
            cuts.add(s.end());
        }
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            String piece = text.substring(from, to);
            List<Span> covering = new ArrayList<>();
            for (Span s : spans) {
                if (s.start() <= from && to <= s.end()) {
                    covering.add(s);
                }
            }
            if (covering.isEmpty()) {
                b.append(Html.esc(piece));
            } else {
                covering.sort((x, y) -> Integer.compare(x.end() - x.start(), y.end() - y.start()));
                boolean contradicted = covering.stream().anyMatch(Span::contradicted);
                String ids = String.join(" ", covering.stream().map(Span::id).toList());
                b.append("<a class=\"hl\" href=\"#").append(Html.esc(covering.get(0).id())).append("\"><mark data-claims=\"")
                 .append(Html.esc(ids)).append("\" class=\"depth").append(Math.min(covering.size(), 3))
                 .append(contradicted ? " contradicted" : "").append("\">").append(Html.esc(piece)).append("</mark></a>");
            }
            from = to;
        }
    }

    /** The claim's local name, e.g. c003-02. */
    static String id(Node claim) {
        String iri = claim.getURI();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
