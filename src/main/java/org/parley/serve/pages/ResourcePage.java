package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;

/**
 * The page of one resource: sections for what it is (an actor's positions, a proposal's phases and
 * the parties' stances on it, a claim and its quote in context, a term, an event, a figure with
 * other reports' values, an anonymous source's claims), then every triple about it, out and in,
 * with labels. The triples table alone is the page of anything else.
 */
final class ResourcePage {

    private ResourcePage() {}

    /** Values shown per property in the triples tables (a concept may be the object of millions). */
    static final int MAX_TRIPLES = 200;

    static Page render(Knowledge kb, Node node) {
        return render(kb, node, Paging.FIRST);
    }

    /** {@code paging} picks the page of the resource's main list (an actor's positions). */
    static Page render(Knowledge kb, Node node, Paging paging) {
        StringBuilder b = new StringBuilder();
        List<String> types = new ArrayList<>();
        // Parley's own classes only: the org:/foaf: types beside them say the same to a reader.
        for (Node t : kb.parleyTypes(node)) {
            types.add(kb.link(t));
        }
        String subtitle = (types.isEmpty() ? "" : String.join(", ", types) + " · ")
                + "<code>" + Html.esc(node.getURI()) + "</code> · "
                + Html.a(Knowledge.localPath(node.getURI()) + ".ttl", "Turtle") + " · "
                + Html.a(Knowledge.localPath(node.getURI()) + ".jsonld", "JSON-LD");
        for (Node c : kb.objects(node, Knowledge.COMMENT)) {
            b.append("<p class=\"note\">").append(Html.esc(kb.label(c))).append("</p>");
        }
        for (Node c : Knowledge.concat(kb.objects(node, Knowledge.NOTE), kb.objects(node, Knowledge.EDITORIAL_NOTE))) {
            b.append("<p class=\"note\">").append(Html.esc(kb.label(c))).append("</p>");
        }
        boolean claim = kb.object(node, Claims.IN_REPORT) != null;
        if (claim) {
            claim(kb, node, b);
        }
        actor(kb, node, paging, b);
        proposal(kb, node, b);
        if (!claim) {
            term(kb, node, b);
            about(kb, node, "aboutEvent", "Claims about this event", b);
            quantity(kb, node, b);
            about(kb, node, "citesSource", "Claims citing this source", b);
        }
        triples(kb, node, b);
        return Page.html(Html.page(kb.label(node), subtitle, b.toString(), null, null));
    }

    private static void claim(Knowledge kb, Node claim, StringBuilder b) {
        Node report = kb.object(claim, Claims.IN_REPORT);
        b.append("<dl class=\"facts\">");
        Html.definition(b, "report", report == null ? "" : kb.link(report));
        Html.definition(b, "party", kb.links(kb.objects(claim, Knowledge.p("hasParty"))));
        Html.definition(b, "stance", Claims.stance(kb, claim));
        Html.definition(b, "content", kb.links(kb.objects(claim, Knowledge.p("hasContent"))));
        Html.definition(b, "precondition", kb.links(kb.objects(claim, Knowledge.p("hasPrecondition"))));
        Html.definition(b, "addressed to", kb.links(kb.objects(claim, Knowledge.p("addressedTo"))));
        Html.definition(b, "about", kb.links(Knowledge.concat(kb.objects(claim, Knowledge.p("aboutEvent")), kb.objects(claim, Knowledge.p("aboutProposal")),
                kb.objects(claim, Claims.ABOUT_QUANTITY))));
        Html.definition(b, "value as reported", Html.esc(String.join("; ", texts(kb, claim, "valueAsReported"))));
        Html.definition(b, "how it is said", Claims.howSaid(kb, claim));
        Html.definition(b, "voiced by", kb.links(kb.objects(claim, Knowledge.p("voicedBy"))));
        Html.definition(b, "reported by", Claims.reportedBy(kb, claim));
        Html.definition(b, "date as reported", Html.esc(String.join("; ", texts(kb, claim, "dateAsReported"))));
        Html.definition(b, "quotation", kb.objects(claim, Knowledge.p("quotation")).stream().map(q -> "<q>" + Html.esc(kb.label(q)) + "</q>")
                .reduce((x, y) -> x + "<br>" + y).orElse(""));
        b.append("</dl>");
        Claims.Excerpt e = Claims.excerpt(kb, claim);
        String text = report == null ? null : kb.text(report, Claims.FULL_TEXT);
        if (e != null) {
            b.append("<h2>The report's words</h2><blockquote class=\"context\">");
            if (text != null) {
                int s = Claims.utf16(text, e.start());
                int en = Claims.utf16(text, e.end());
                int from = Claims.utf16(text, Math.max(0, e.start() - 300));
                int to = Claims.utf16(text, e.end() + 300);
                b.append(from > 0 ? "… " : "").append(Html.esc(text.substring(from, s)))
                 .append("<mark>").append(Html.esc(text.substring(s, en))).append("</mark>")
                 .append(Html.esc(text.substring(en, to))).append(to < text.length() ? " …" : "");
            } else {
                b.append("<mark>").append(Html.esc(e.exact())).append("</mark>");
            }
            b.append("</blockquote><p class=\"muted\">Characters ").append(e.start()).append("–").append(e.end())
             .append(" of ").append(report == null ? "the report" : kb.link(report)).append(" (Unicode code points).</p>");
        }
        List<Node> against = Claims.contradicting(kb, claim);
        if (!against.isEmpty() || kb.object(claim, Claims.ABOUT_QUANTITY) != null) {
            figures(kb, kb.object(claim, Claims.ABOUT_QUANTITY), claim, b);
        }
    }

    private static void actor(Knowledge kb, Node node, Paging paging, StringBuilder b) {
        String x = Knowledge.sparql(node);
        String partyOf = "?c parley:hasParty " + x + " .";
        long positions = kb.count(partyOf);
        if (positions > 0) {
            // A party of a long-followed negotiation has thousands of positions: a page at a time.
            Knowledge.Slice page = kb.claims(partyOf, paging);
            b.append("<h2 id=\"positions\">Positions</h2><p class=\"muted\">").append(positions)
             .append(" positions, report by report.</p>").append(Claims.positionsTable(kb, page.nodes(), false))
             .append(paging.nav(Knowledge.localPath(node.getURI()), Map.of(), page.hasNext(), positions));
        }
        String voiced = "?c parley:voicedBy " + x + " . FILTER NOT EXISTS { ?c parley:hasParty " + x + " }";
        String list = boundedClaimList(kb, voiced);
        if (!list.isEmpty()) {
            b.append("<h2 id=\"voiced\">Claims voiced by ").append(Html.esc(kb.label(node))).append("</h2>").append(list);
        }
        List<Node> speakers = new ArrayList<>();
        for (Node aff : kb.subjects(Knowledge.ORG_ORGANIZATION, node)) {
            speakers.addAll(kb.objects(aff, Knowledge.ORG_MEMBER));
        }
        speakers.addAll(kb.subjects(Knowledge.p("actsFor"), node));
        if (!speakers.isEmpty()) {
            b.append("<h2>People who speak for it</h2><ul>");
            for (Node s : new java.util.LinkedHashSet<>(speakers)) {
                b.append("<li>").append(kb.link(s)).append("</li>");
            }
            b.append("</ul>");
        }
        List<Node> same = kb.objects(node, Knowledge.SAME_AS);
        if (!same.isEmpty()) {
            b.append("<h2>Elsewhere</h2><ul>");
            for (Node s : same) {
                String where = s.getURI().contains("wikidata.org") ? "Wikidata" : s.getURI().contains("dbpedia.org") ? "DBpedia" : "";
                b.append("<li>").append(where).append(" <a class=\"ext\" href=\"").append(Html.esc(s.getURI())).append("\">")
                 .append(Html.esc(s.getURI())).append("</a></li>");
            }
            b.append("</ul>");
        }
    }

    private static void proposal(Knowledge kb, Node node, StringBuilder b) {
        if (!kb.hasType(node, "Proposal")) {
            return;
        }
        b.append("<dl class=\"facts\">");
        Html.definition(b, "proposed by", kb.links(kb.objects(node, Knowledge.p("proposedBy"))));
        Html.definition(b, "amends", kb.links(kb.objects(node, Knowledge.p("amends"))));
        Html.definition(b, "amended by", kb.links(kb.subjects(Knowledge.p("amends"), node)));
        b.append("</dl>");
        List<Node> phases = new ArrayList<>(kb.objects(node, Knowledge.p("hasPhase")));
        phases.sort(Comparator.comparing((Node ph) -> {
            String n = kb.text(ph, Knowledge.p("phaseNumber"));
            return n == null ? 999 : Integer.parseInt(n);
        }));
        if (!phases.isEmpty()) {
            b.append("<h2>Phases</h2><ol class=\"phases\">");
            for (Node ph : phases) {
                b.append("<li>").append(kb.link(ph));
                List<Node> terms = kb.objects(ph, Knowledge.p("hasTerm"));
                if (!terms.isEmpty()) {
                    b.append("<ul>");
                    terms.forEach(t -> b.append("<li>").append(kb.link(t)).append("</li>"));
                    b.append("</ul>");
                }
                b.append("</li>");
            }
            b.append("</ol>");
        }
        List<Node> terms = kb.objects(node, Knowledge.p("hasTerm"));
        if (!terms.isEmpty()) {
            b.append("<h2>Terms</h2><ul>");
            terms.forEach(t -> b.append("<li>").append(kb.link(t)).append("</li>"));
            b.append("</ul>");
        }
        String stances = boundedPositions(kb, "?c parley:hasContent " + Knowledge.sparql(node) + " .");
        if (!stances.isEmpty()) {
            b.append("<h2>Each party's stance on it</h2>").append(stances);
        }
        about(kb, node, "aboutProposal", "What the reports say about it", b);
    }

    private static void term(Knowledge kb, Node node, StringBuilder b) {
        if (!kb.hasType(node, "Proposal")) {
            String content = boundedPositions(kb, "?c parley:hasContent " + Knowledge.sparql(node) + " .");
            if (!content.isEmpty()) {
                b.append("<h2>Positions on it</h2>").append(content);
            }
        }
        String pre = boundedPositions(kb, "?c parley:hasPrecondition " + Knowledge.sparql(node) + " .");
        if (!pre.isEmpty()) {
            b.append("<h2>Positions with it as a precondition</h2>").append(pre);
        }
        List<Node> in = kb.subjects(Knowledge.p("hasTerm"), node);
        if (!in.isEmpty()) {
            b.append("<h2>Part of</h2><ul>");
            in.forEach(p -> b.append("<li>").append(kb.link(p)).append("</li>"));
            b.append("</ul>");
        }
    }

    private static void quantity(Knowledge kb, Node node, StringBuilder b) {
        if (!kb.subjects(Claims.ABOUT_QUANTITY, node, 1).isEmpty()) {
            figures(kb, node, null, b);
        }
    }

    /** The values every report gives for a quantity; those contradicting {@code claim} marked. */
    private static void figures(Knowledge kb, Node quantity, Node claim, StringBuilder b) {
        if (quantity == null) {
            return;
        }
        List<Node> against = claim == null ? List.of() : Claims.contradicting(kb, claim);
        b.append("<h2 id=\"figures\">What each report says of ").append(kb.link(quantity)).append("</h2>");
        if (claim != null && !against.isEmpty()) {
            b.append("<p class=\"warn\">").append(against.size()).append(against.size() == 1 ? " other report gives" : " other reports give")
             .append(" a different value.</p>");
        }
        b.append("<table class=\"answer\"><thead><tr><th>report</th><th>value as reported</th><th>claim</th></tr></thead><tbody>");
        String about = "?c parley:aboutQuantity " + Knowledge.sparql(quantity) + " .";
        Knowledge.Slice first = kb.claims(about, Paging.FIRST);
        for (Node c : Claims.sorted(kb, first.nodes())) {
            String cls = c.equals(claim) ? " class=\"this\"" : against.contains(c) ? " class=\"disagrees\"" : "";
            b.append("<tr").append(cls).append("><td>").append(Claims.reportLink(kb, kb.object(c, Claims.IN_REPORT)))
             .append("</td><td>").append(Html.esc(String.join("; ", texts(kb, c, "valueAsReported"))))
             .append(against.contains(c) ? " <span class=\"badge\">disagrees</span>" : "")
             .append("</td><td>").append(Claims.quoteLink(kb, c)).append("</td></tr>");
        }
        b.append("</tbody></table>").append(more(kb, about, first));
    }

    private static void about(Knowledge kb, Node node, String property, String heading, StringBuilder b) {
        String list = boundedClaimList(kb, "?c parley:" + property + " " + Knowledge.sparql(node) + " .");
        if (!list.isEmpty()) {
            b.append("<h2>").append(Html.esc(heading)).append("</h2>").append(list);
        }
    }

    /** The first {@link Paging#MAX_SIZE} claims {@code pattern} finds as a list, and how many more; "" for none. */
    static String boundedClaimList(Knowledge kb, String pattern) {
        Knowledge.Slice first = kb.claims(pattern, Paging.FIRST);
        return first.nodes().isEmpty() ? "" : claimList(kb, first.nodes()) + more(kb, pattern, first);
    }

    /** The first {@link Paging#MAX_SIZE} positions {@code pattern} finds as a table, and how many more; "" for none. */
    static String boundedPositions(Knowledge kb, String pattern) {
        Knowledge.Slice first = kb.claims(pattern, Paging.FIRST);
        return first.nodes().isEmpty() ? "" : Claims.positionsTable(kb, first.nodes(), true) + more(kb, pattern, first);
    }

    /** "The first 100 of N, in report order" under a list cut at one page; "" when it was not cut. */
    private static String more(Knowledge kb, String pattern, Knowledge.Slice first) {
        if (!first.hasNext()) {
            return "";
        }
        return "<p class=\"muted more\">The first " + first.nodes().size() + " of " + kb.count(pattern)
                + ", in report order; ask the SPARQL editor for the rest.</p>";
    }

    static String claimList(Knowledge kb, List<Node> claims) {
        StringBuilder b = new StringBuilder("<ul class=\"claims\">");
        for (Node c : Claims.sorted(kb, claims)) {
            b.append("<li>").append(Claims.reportLink(kb, kb.object(c, Claims.IN_REPORT))).append(" ")
             .append(Claims.quoteLink(kb, c));
            String by = Claims.reportedBy(kb, c);
            if (!by.isEmpty()) {
                b.append(" <span class=\"muted\">— ").append(by).append("</span>");
            }
            b.append("</li>");
        }
        return b.append("</ul>").toString();
    }

    /** Every asserted triple with the resource as subject, then as object, with labels. */
    private static void triples(Knowledge kb, Node node, StringBuilder b) {
        Map<String, List<String>> out = new TreeMap<>();
        boolean outCut = firstTriples(kb.asserted().find(node, Node.ANY, Node.ANY), t -> out
                .computeIfAbsent(kb.label(t.getPredicate()) + "\u0000" + t.getPredicate(), k -> new ArrayList<>())
                .add(t.getObject().isBlank() ? blank(kb, t.getObject()) : kb.link(t.getObject())));
        Map<String, List<String>> in = new TreeMap<>();
        boolean inCut = firstTriples(kb.asserted().find(Node.ANY, Node.ANY, node), t -> in
                .computeIfAbsent(kb.label(t.getPredicate()) + "\u0000" + t.getPredicate(), k -> new ArrayList<>())
                .add(kb.link(t.getSubject())));
        b.append("<h2 id=\"triples\">All it says</h2><table class=\"triples\"><tbody>");
        row(kb, out, b, "");
        b.append("</tbody></table>").append(cutNote(outCut));
        if (!in.isEmpty()) {
            b.append("<h2>What points to it</h2><table class=\"triples\"><tbody>");
            row(kb, in, b, "is ");
            b.append("</tbody></table>").append(cutNote(inCut));
        }
    }

    /** Feeds the first {@link #MAX_TRIPLES} triples to {@code each}; true if there were more. */
    private static boolean firstTriples(java.util.Iterator<org.apache.jena.graph.Triple> triples,
                                        java.util.function.Consumer<org.apache.jena.graph.Triple> each) {
        int n = 0;
        try {
            while (triples.hasNext()) {
                if (n++ == MAX_TRIPLES) {
                    return true;
                }
                each.accept(triples.next());
            }
            return false;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(triples);
        }
    }

    private static String cutNote(boolean cut) {
        return cut ? "<p class=\"muted more\">The first " + MAX_TRIPLES + " triples only; ask the SPARQL editor for the rest.</p>" : "";
    }

    private static void row(Knowledge kb, Map<String, List<String>> grouped, StringBuilder b, String prefix) {
        grouped.forEach((key, values) -> {
            String iri = key.substring(key.indexOf('\u0000') + 1);
            String label = key.substring(0, key.indexOf('\u0000'));
            String local = Knowledge.localPath(iri);
            b.append("<tr><th>").append(prefix.isEmpty() ? "" : "<span class=\"muted\">is</span> ")
             .append(local != null ? Html.a(local, label) : "<a class=\"ext\" href=\"" + Html.esc(iri) + "\">" + Html.esc(label) + "</a>")
             .append(prefix.isEmpty() ? "" : " <span class=\"muted\">of</span>")
             .append("</th><td>").append(String.join("<br>", values.stream().sorted().toList())).append("</td></tr>");
        });
    }

    /** A blank node (an excerpt) shown inline. */
    private static String blank(Knowledge kb, Node n) {
        String exact = kb.text(n, Knowledge.EXACT);
        if (exact != null) {
            return "<q>" + Html.esc(exact) + "</q> <span class=\"muted\">(" + Html.esc(kb.text(n, Knowledge.START)) + "–"
                    + Html.esc(kb.text(n, Knowledge.END)) + ")</span>";
        }
        return Html.esc(kb.label(n));
    }

    private static List<String> texts(Knowledge kb, Node s, String property) {
        return kb.objects(s, Knowledge.p(property)).stream().map(kb::label).toList();
    }
}
