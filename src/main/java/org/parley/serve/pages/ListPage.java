package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * {@code /reports}, {@code /parties}, {@code /proposals}: the lists the home page starts, a page
 * of {@link Paging#MAX_SIZE} at a time ({@code ?page=N}), in a stable order: reports by
 * identifier, parties by how many positions they take (then name), proposals by IRI. The home
 * page shows the first page of each ({@link #items}).
 */
final class ListPage {

    private ListPage() {}

    /** The lists, by path. */
    enum Kind {
        REPORTS("/reports", "Reports", "reports"),
        PARTIES("/parties", "Parties", "parties taking positions"),
        PROPOSALS("/proposals", "Proposals", "proposals");

        final String path;
        final String title;
        final String noun;

        Kind(String path, String title, String noun) {
            this.path = path;
            this.title = title;
            this.noun = noun;
        }

        static Kind of(String path) {
            for (Kind k : values()) {
                if (k.path.equals(path)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One page of a list: its items as HTML {@code <li>}s, whether more follow, and the total. */
    record Items(List<String> html, boolean hasNext, long total) {}

    static Page render(Knowledge kb, Kind kind, Paging paging) {
        Items items = items(kb, kind, paging);
        StringBuilder b = new StringBuilder("<p class=\"muted\">").append(items.total()).append(' ').append(kind.noun).append(".</p>");
        b.append("<ul class=\"list\">");
        items.html().forEach(b::append);
        b.append("</ul>").append(paging.nav(kind.path, Map.of(), items.hasNext(), items.total()));
        String title = paging.page() == 1 ? kind.title : kind.title + ", page " + paging.page();
        return Page.html(Html.page(title, null, b.toString(), null, null));
    }

    static Items items(Knowledge kb, Kind kind, Paging paging) {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case REPORTS -> {
                long total = kb.memo("count reports", () -> kb.count("?c a parley:Report"));
                List<Map<String, Node>> rows = kb.select("SELECT ?r ?id WHERE { ?r a parley:Report ; dcterms:identifier ?id }"
                        + " ORDER BY ?id ?r" + paging.limitOffset());
                for (Map<String, Node> r : rows.subList(0, Math.min(rows.size(), paging.size()))) {
                    // Claims per report: one index lookup each, for this page's reports only.
                    long claims = kb.subjects(Claims.IN_REPORT, r.get("r")).size();
                    out.add("<li>" + Html.link(kb, r.get("r")) + " <span class=\"muted\">(" + claims + " claims)</span></li>");
                }
                return new Items(out, rows.size() > paging.size(), total);
            }
            case PARTIES -> {
                // Parties are few (dozens to thousands) beside their positions: counted once per
                // state of the data, then paged in memory.
                List<Map<String, Node>> all = kb.memo("parties", () -> kb.select("""
                        SELECT ?party (COUNT(DISTINCT ?pos) AS ?n) WHERE { ?pos a parley:Position ; parley:hasParty ?party }
                        GROUP BY ?party ORDER BY DESC(?n) ?party"""));
                int from = (int) Math.min(all.size(), paging.offset());
                int to = Math.min(all.size(), from + paging.size());
                for (Map<String, Node> r : all.subList(from, to)) {
                    String n = kb.label(r.get("n"));
                    out.add("<li>" + Html.link(kb, r.get("party")) + " <span class=\"muted\">(" + Html.esc(n)
                            + ("1".equals(n) ? " position)" : " positions)") + "</span></li>");
                }
                return new Items(out, to < all.size(), all.size());
            }
            default -> {
                long total = kb.memo("count proposals", () -> kb.count("?c a parley:Proposal"));
                List<Map<String, Node>> rows = kb.select("SELECT DISTINCT ?p WHERE { ?p a parley:Proposal } ORDER BY ?p"
                        + paging.limitOffset());
                for (Map<String, Node> r : rows.subList(0, Math.min(rows.size(), paging.size()))) {
                    out.add("<li>" + Html.link(kb, r.get("p")) + "</li>");
                }
                return new Items(out, rows.size() > paging.size(), total);
            }
        }
    }
}
