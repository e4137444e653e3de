package org.parley.serve.pages;

import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.parley.query.QueryLibrary;

/**
 * The home page: what Parley holds (counts, reports, parties, proposals), the search box (in the
 * frame of every page), and the question library, each question linking to its answer as a table
 * and to the SPARQL editor.
 */
final class HomePage {

    private HomePage() {}

    static Page render(Knowledge kb, Path queriesDir) {
        StringBuilder b = new StringBuilder(kb.memo("home", () -> holdings(kb)));
        b.append(library(queriesDir));
        return Page.html(Html.page("Parley", "Ceasefire and hostage negotiations, claim by claim", b.toString(), null, null));
    }

    /** What Parley holds: counts, reports, parties, proposals. */
    private static String holdings(Knowledge kb) {
        StringBuilder b = new StringBuilder();
        Map<String, Node> counts = kb.select("""
                SELECT (COUNT(DISTINCT ?r) AS ?reports) (COUNT(DISTINCT ?c) AS ?claims)
                       (COUNT(DISTINCT ?pos) AS ?positions) (COUNT(DISTINCT ?party) AS ?parties)
                       (COUNT(DISTINCT ?prop) AS ?proposals) WHERE {
                  { ?r a parley:Report } UNION { ?c parley:inReport ?any }
                  UNION { ?pos a parley:Position ; parley:hasParty ?party }
                  UNION { ?prop a parley:Proposal }
                }""").get(0);
        b.append("<p class=\"lead\">A knowledge graph of ceasefire and hostage negotiations: who demanded, offered, "
                + "accepted or rejected what, according to whom, each claim tied to the exact words of its report.</p>");
        b.append("<ul class=\"counts\">");
        for (String[] c : new String[][] {{"reports", "reports"}, {"claims", "claims"}, {"positions", "positions"},
                {"parties", "parties taking positions"}, {"proposals", "proposals"}}) {
            b.append("<li><strong>").append(Html.esc(kb.label(counts.get(c[0])))).append("</strong> ")
             .append(c[1]).append("</li>");
        }
        b.append("</ul>");

        // The first page of each list; the rest on its own page, a page at a time.
        b.append("<section class=\"cols\">");
        for (ListPage.Kind kind : ListPage.Kind.values()) {
            ListPage.Items items = ListPage.items(kb, kind, Paging.FIRST);
            b.append("<div><h2>").append(kind.title).append("</h2><ul>");
            items.html().forEach(b::append);
            b.append("</ul>");
            if (items.hasNext()) {
                b.append("<p>").append(Html.a(kind.path, "all " + items.total() + " " + kind.title.toLowerCase() + " →"))
                 .append("</p>");
            }
            b.append("</div>");
        }
        b.append("</section>");
        return b.toString();
    }

    /** The last listing of the questions and the state of the files it was made from. */
    private record Listing(String filesState, String html) {}

    private static volatile Listing lastListing;

    /**
     * The questions, from the library as it is now (edits show without a restart), rebuilt only
     * when a file's name, size or time changed.
     */
    private static String library(Path queriesDir) {
        String state = filesState(queriesDir);
        Listing last = lastListing;
        if (last != null && last.filesState().equals(state)) {
            return last.html();
        }
        StringBuilder b = new StringBuilder();
        listing(queriesDir, b);
        lastListing = new Listing(state, b.toString());
        return lastListing.html();
    }

    private static String filesState(Path dir) {
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            return "none";
        }
        StringBuilder state = new StringBuilder(dir.toAbsolutePath().toString());
        try (var files = java.nio.file.Files.list(dir)) {
            files.sorted().forEach(f -> {
                java.io.File file = f.toFile();
                state.append('|').append(file.getName()).append(':').append(file.length()).append(':').append(file.lastModified());
            });
        } catch (java.io.IOException e) {
            return "unreadable " + System.nanoTime();
        }
        return state.toString();
    }

    private static void listing(Path queriesDir, StringBuilder b) {
        b.append("<h2 id=\"questions\">Questions</h2>");
        if (queriesDir == null) {
            b.append("<p>No query library on this server.</p>");
        } else {
            b.append("<p>Click a question to see its answer as a table; each answer links to the resources and "
                    + "the report it comes from.</p><ol class=\"questions\">");
            for (QueryLibrary.Entry e : QueryLibrary.entries(queriesDir)) {
                String question = e.question().isEmpty() ? e.name() : e.question();
                b.append("<li>");
                if (e.isFederated()) {
                    b.append(Html.esc(question)).append(" <span class=\"muted\">(asks Wikidata over the internet)</span>");
                } else {
                    b.append(Html.a("/questions/" + e.name(), question));
                }
                b.append(" <a class=\"editor\" href=\"").append(Html.esc(Html.editorLink(e.text())))
                 .append("\">open in the SPARQL editor</a></li>");
            }
            b.append("</ol>");
        }
        b.append("""
                <script>
                // Bookmarks of the SPARQL editor from before it moved to /sparql/ (/#/dataset/...) still work.
                if (location.hash.indexOf('#/') === 0) { location.replace('/sparql/' + location.hash); }
                </script>""");
    }
}
