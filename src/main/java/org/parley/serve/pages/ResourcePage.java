package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * The page of one resource: sections for what it is (an actor's positions, a proposal's phases and
 * the parties' stances on it, a claim and its quote in context ({@link ClaimEvidence}), a term, an
 * event, a figure with other reports' values, an anonymous source's claims), then every triple
 * about it, out and in, with labels ({@link TriplesTable}). The triples table alone is the page of
 * anything else. Long lists of claims are read a page at a time ({@link ClaimLists}).
 */
final class ResourcePage {

    private ResourcePage() {}

    /** {@code paging} picks the page of the resource's main list (an actor's positions). */
    static Page render(Knowledge kb, Node node, Paging paging) {
        StringBuilder b = new StringBuilder();
        List<String> types = new ArrayList<>();
        // Parley's own classes only: the org:/foaf: types beside them say the same to a reader.
        for (Node t : kb.parleyTypes(node)) {
            types.add(Html.link(kb, t));
        }
        String subtitle = (types.isEmpty() ? "" : String.join(", ", types) + " · ")
                + "<code>" + Html.esc(node.getURI()) + "</code> · "
                + Html.a(Vocabulary.localPath(node.getURI()) + ".ttl", "Turtle") + " · "
                + Html.a(Vocabulary.localPath(node.getURI()) + ".jsonld", "JSON-LD");
        for (Node c : kb.objects(node, Vocabulary.COMMENT)) {
            b.append("<p class=\"note\">").append(Html.esc(kb.label(c))).append("</p>");
        }
        for (Node c : Knowledge.concat(kb.objects(node, Vocabulary.NOTE), kb.objects(node, Vocabulary.EDITORIAL_NOTE))) {
            b.append("<p class=\"note\">").append(Html.esc(kb.label(c))).append("</p>");
        }
        boolean claim = kb.object(node, Claims.IN_REPORT) != null;
        if (claim) {
            ClaimEvidence.append(kb, node, b);
        }
        actor(kb, node, paging, b);
        proposal(kb, node, b);
        if (!claim) {
            term(kb, node, b);
            about(kb, node, "aboutEvent", "Claims about this event", b);
            quantity(kb, node, b);
            about(kb, node, "citesSource", "Claims citing this source", b);
        }
        TriplesTable.append(kb, node, b);
        return Page.html(Html.page(kb.label(node), subtitle, b.toString(), null, null));
    }

    private static void actor(Knowledge kb, Node node, Paging paging, StringBuilder b) {
        String x = Knowledge.sparql(node);
        String partyOf = "?c parley:hasParty " + x + " .";
        long positions = kb.count(partyOf);
        if (positions > 0) {
            // A party of a long-followed negotiation has thousands of positions: a page at a time.
            ClaimLists.Slice page = ClaimLists.slice(kb, partyOf, paging);
            b.append("<h2 id=\"positions\">Positions</h2><p class=\"muted\">").append(positions)
             .append(" positions, report by report.</p>").append(Claims.positionsTable(kb, page.nodes(), false))
             .append(paging.nav(Vocabulary.localPath(node.getURI()), Map.of(), page.hasNext(), positions));
        }
        String voiced = "?c parley:voicedBy " + x + " . FILTER NOT EXISTS { ?c parley:hasParty " + x + " }";
        String list = ClaimLists.boundedList(kb, voiced);
        if (!list.isEmpty()) {
            b.append("<h2 id=\"voiced\">Claims voiced by ").append(Html.esc(kb.label(node))).append("</h2>").append(list);
        }
        List<Node> speakers = new ArrayList<>();
        for (Node aff : kb.subjects(Vocabulary.ORG_ORGANIZATION, node)) {
            speakers.addAll(kb.objects(aff, Vocabulary.ORG_MEMBER));
        }
        speakers.addAll(kb.subjects(Parley.actsFor.asNode(), node));
        if (!speakers.isEmpty()) {
            b.append("<h2>People who speak for it</h2>").append(Html.linkList(kb, new LinkedHashSet<>(speakers)));
        }
        List<Node> same = kb.objects(node, Vocabulary.SAME_AS);
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
        if (!kb.hasType(node, Parley.Proposal)) {
            return;
        }
        b.append("<dl class=\"facts\">");
        Html.definition(b, "proposed by", Html.links(kb, kb.objects(node, Parley.proposedBy.asNode())));
        Html.definition(b, "amends", Html.links(kb, kb.objects(node, Parley.amends.asNode())));
        Html.definition(b, "amended by", Html.links(kb, kb.subjects(Parley.amends.asNode(), node)));
        b.append("</dl>");
        List<Node> phases = new ArrayList<>(kb.objects(node, Parley.hasPhase.asNode()));
        phases.sort(Comparator.comparing((Node ph) -> {
            String n = kb.text(ph, Parley.phaseNumber.asNode());
            return n == null ? 999 : Integer.parseInt(n);
        }));
        if (!phases.isEmpty()) {
            b.append("<h2>Phases</h2><ol class=\"phases\">");
            for (Node ph : phases) {
                b.append("<li>").append(Html.link(kb, ph));
                List<Node> terms = kb.objects(ph, Parley.hasTerm.asNode());
                if (!terms.isEmpty()) {
                    b.append(Html.linkList(kb, terms));
                }
                b.append("</li>");
            }
            b.append("</ol>");
        }
        List<Node> terms = kb.objects(node, Parley.hasTerm.asNode());
        if (!terms.isEmpty()) {
            b.append("<h2>Terms</h2>").append(Html.linkList(kb, terms));
        }
        String stances = ClaimLists.boundedPositions(kb, "?c parley:hasContent " + Knowledge.sparql(node) + " .");
        if (!stances.isEmpty()) {
            b.append("<h2>Each party's stance on it</h2>").append(stances);
        }
        about(kb, node, "aboutProposal", "What the reports say about it", b);
    }

    private static void term(Knowledge kb, Node node, StringBuilder b) {
        if (!kb.hasType(node, Parley.Proposal)) {
            String content = ClaimLists.boundedPositions(kb, "?c parley:hasContent " + Knowledge.sparql(node) + " .");
            if (!content.isEmpty()) {
                b.append("<h2>Positions on it</h2>").append(content);
            }
        }
        String pre = ClaimLists.boundedPositions(kb, "?c parley:hasPrecondition " + Knowledge.sparql(node) + " .");
        if (!pre.isEmpty()) {
            b.append("<h2>Positions with it as a precondition</h2>").append(pre);
        }
        List<Node> in = kb.subjects(Parley.hasTerm.asNode(), node);
        if (!in.isEmpty()) {
            b.append("<h2>Part of</h2>").append(Html.linkList(kb, in));
        }
    }

    private static void quantity(Knowledge kb, Node node, StringBuilder b) {
        if (!kb.subjects(Claims.ABOUT_QUANTITY, node, 1).isEmpty()) {
            ClaimEvidence.figures(kb, node, null, b);
        }
    }

    private static void about(Knowledge kb, Node node, String property, String heading, StringBuilder b) {
        String list = ClaimLists.boundedList(kb, "?c parley:" + property + " " + Knowledge.sparql(node) + " .");
        if (!list.isEmpty()) {
            b.append("<h2>").append(Html.esc(heading)).append("</h2>").append(list);
        }
    }
}
