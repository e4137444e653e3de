package org.parley.serve.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Node;

/**
 * HTML building blocks shared by every page: escaping, the page frame (title, navigation with the
 * search box and the SPARQL editor link, the stylesheet), and links, among them a link to any node
 * of the knowledge base by its label. Everything a page prints from the knowledge base goes through
 * {@link #esc}: a label containing {@code <script>} is text.
 */
final class Html {

    /** Where the Fuseki SPARQL editor (jena-fuseki-ui) is served; see {@link SparqlEditorPath}. */
    static final String EDITOR = "/sparql/#/dataset/parley/query";

    private Html() {}

    /** Escaped for HTML text and for attribute values in double quotes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** URL query-string encoding (spaces as %20, so that the SPA editor reads them back). */
    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A link to open {@code query} in the SPARQL editor. */
    static String editorLink(String query) {
        return EDITOR + "?query=" + url(query);
    }

    /** A {@code <dt>name</dt><dd>html</dd>} pair (name escaped, html already HTML); nothing when html is empty. */
    static void definition(StringBuilder b, String name, String html) {
        if (html != null && !html.isEmpty()) {
            b.append("<dt>").append(esc(name)).append("</dt><dd>").append(html).append("</dd>");
        }
    }

    /** {@code <a href="href">text</a>}, both escaped. */
    static String a(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    /** A link to the node's page (ours) or to the IRI itself (others'), or the literal as text. */
    static String link(Knowledge kb, Node node) {
        if (node == null) {
            return "";
        }
        if (node.isLiteral()) {
            return esc(node.getLiteralLexicalForm());
        }
        if (node.isBlank()) {
            return esc(kb.label(node));
        }
        String local = Vocabulary.localPath(node.getURI());
        if (local != null) {
            return a(local, kb.label(node));
        }
        return "<a class=\"ext\" href=\"" + esc(node.getURI()) + "\" title=\"" + esc(node.getURI()) + "\">"
                + esc(kb.label(node)) + "</a>";
    }

    /** Links to each node, comma-separated, or "" for none. */
    static String links(Knowledge kb, List<Node> nodes) {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) {
            b.append(b.length() == 0 ? "" : ", ").append(link(kb, n));
        }
        return b.toString();
    }

    /** A {@code <ul>} of links to the nodes, in their order. */
    static String linkList(Knowledge kb, Collection<Node> nodes) {
        StringBuilder b = new StringBuilder("<ul>");
        for (Node n : nodes) {
            b.append("<li>").append(link(kb, n)).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    /**
     * The whole page: {@code title} (escaped) in {@code <title>} and the heading, {@code body}
     * (already HTML) below; {@code query} fills the search box.
     */
    static String page(String title, String subtitle, String body, String query, String extraHead) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/assets/parley.css">
                %s</head><body>
                <header class="top"><a class="brand" href="/">Parley</a>
                <nav><a href="/">Home</a> <a href="/pictures">Pictures</a> <a href="/ontology">Ontology</a> <a href="/queries">Queries</a> <a href="%s">SPARQL editor</a></nav>
                <form class="search" action="/search" method="get" role="search"><input type="search" name="q" value="%s" placeholder="Search actors, proposals, terms, quotes" aria-label="Search"><button type="submit">Search</button></form>
                </header>
                <main><h1>%s</h1>%s
                %s
                </main>
                <footer>Parley knowledge base · read-only · <a href="%s">SPARQL editor</a> · endpoint <code>/parley/sparql</code></footer>
                </body></html>
                """.formatted(esc(title.equals("Parley") ? title : title + " · Parley"), extraHead == null ? "" : extraHead, esc(EDITOR), esc(query == null ? "" : query),
                esc(title), subtitle == null || subtitle.isEmpty() ? "" : "<p class=\"sub\">" + subtitle + "</p>",
                body, esc(EDITOR));
    }
}
