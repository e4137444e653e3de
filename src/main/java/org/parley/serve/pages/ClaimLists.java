package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * The claims a SPARQL pattern finds (a party's positions, the claims about an event, the values
 * of a figure), read a page at a time in the pages' order, and shown as a list or a positions
 * table. A party of a long-followed negotiation has thousands of claims, so no list is read whole:
 * a page's main list is paged ({@link Paging}), the others show their first page and say how many
 * more there are.
 */
final class ClaimLists {

    private ClaimLists() {}

    /** One page of a list, and whether more follow. */
    record Slice(List<Node> nodes, boolean hasNext) {}

    /**
     * One page of the claims {@code ?c} that {@code pattern} (SPARQL, binding {@code ?c}) finds,
     * in the pages' order (report, then where the excerpt starts, then IRI; as
     * {@link Claims#sorted}), read with {@code ORDER BY}/{@code LIMIT}/{@code OFFSET}.
     */
    static Slice slice(Knowledge kb, String pattern, Paging paging) {
        List<Node> out = new ArrayList<>();
        for (Map<String, Node> row : kb.select("SELECT DISTINCT ?c ?r ?start WHERE { " + pattern
                + " OPTIONAL { ?c parley:inReport ?r } OPTIONAL { ?c parley:hasExcerpt/oa:start ?start } }"
                + " ORDER BY ?r ?start ?c" + paging.limitOffset())) {
            Node c = row.get("c");
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        boolean more = out.size() > paging.size();
        return new Slice(more ? out.subList(0, paging.size()) : out, more);
    }

    /** The first {@link Paging#MAX_SIZE} claims {@code pattern} finds as a list, and how many more; "" for none. */
    static String boundedList(Knowledge kb, String pattern) {
        Slice first = slice(kb, pattern, Paging.FIRST);
        return first.nodes().isEmpty() ? "" : list(kb, first.nodes()) + more(kb, pattern, first);
    }

    /** The first {@link Paging#MAX_SIZE} positions {@code pattern} finds as a table, and how many more; "" for none. */
    static String boundedPositions(Knowledge kb, String pattern) {
        Slice first = slice(kb, pattern, Paging.FIRST);
        return first.nodes().isEmpty() ? "" : Claims.positionsTable(kb, first.nodes(), true) + more(kb, pattern, first);
    }

    /** "The first 100 of N, in report order" under a list cut at one page; "" when it was not cut. */
    static String more(Knowledge kb, String pattern, Slice first) {
        if (!first.hasNext()) {
            return "";
        }
        return "<p class=\"muted more\">The first " + first.nodes().size() + " of " + kb.count(pattern)
                + ", in report order; ask the SPARQL editor for the rest.</p>";
    }

    /** The claims as a list: each its report, its quote (linking to its page) and who reported it. */
    private static String list(Knowledge kb, List<Node> claims) {
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
}
