package org.parley.serve.pages;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * {@code /search?q=WORDS}: actors, proposals, terms, other named things and quotes with every word
 * asked for, ignoring case and accents, a word also matching the start of a longer one
 * ("guarantee" finds "guarantees", "nono" finds "Al-Nono", "60-day" finds "60-day"). Names are
 * labels and alternative labels; quotes are the claims' excerpts and quotations. The candidates
 * come from the full-text index ({@link org.parley.search.ParleyTextIndex}, the one {@code text:query} uses in
 * SPARQL); a named thing is listed when one of its names has the words, else under the quote that
 * has them. Each hit links to its page; a quote shows its report.
 */
final class SearchPage {

    private SearchPage() {}

    private record Hit(Node node, String text) {}

    /** Hits asked of the index at most (the best-scored: each costs a few lookups to show), and hits shown per group at most (the corpus can match millions). */
    static final int MAX_HITS = 500;
    static final int SHOWN = Paging.MAX_SIZE;

    static Page render(Knowledge kb, String q) {
        String query = q == null ? "" : q.strip();
        StringBuilder b = new StringBuilder();
        List<String> words = words(query);
        if (words.isEmpty()) {
            b.append("<p>Type words to search for in the box above: a party (<a href=\"/search?q=Hamas\">Hamas</a>), "
                    + "a person (<a href=\"/search?q=Nono\">Nono</a>), a term (<a href=\"/search?q=60-day\">60-day</a>) or words of "
                    + "a quote (<a href=\"/search?q=guarantees\">guarantees</a>).</p>");
            return Page.html(Html.page("Search", null, b.toString(), query, null));
        }
        Map<String, List<Hit>> groups = new LinkedHashMap<>();
        for (String g : new String[] {"Actors", "Proposals", "Terms", "Other things", "Quotes"}) {
            groups.put(g, new ArrayList<>());
        }
        // The index (ParleyTextIndex) finds the candidates: every word as a word or the start of one.
        String lucene = String.join(" AND ", words.stream().map(w -> w + "*").toList());
        Map<Node, Boolean> seen = new LinkedHashMap<>();
        for (Map<String, Node> row : kb.search("SELECT DISTINCT ?s { ?s text:query (\"" + lucene + "\" " + MAX_HITS + ") }")) {
            Node s = row.get("s");
            if (s.isBlank()) {
                String exact = kb.text(s, Vocabulary.EXACT);
                List<Node> owners = kb.subjects(Claims.HAS_EXCERPT, s);
                for (Node claim : owners) {
                    if (claim.isURI() && exact != null && seen.putIfAbsent(claim, true) == null) {
                        groups.get("Quotes").add(new Hit(claim, exact));
                    }
                }
                continue;
            }
            if (!s.isURI() || Vocabulary.localPath(s.getURI()) == null || s.getURI().startsWith(Vocabulary.P)
                    || seen.containsKey(s)) {
                continue;
            }
            boolean named = false;
            for (Node p : new Node[] {Vocabulary.LABEL, Vocabulary.PREF_LABEL, Vocabulary.ALT_LABEL}) {
                for (Node name : kb.objects(s, p)) {
                    named |= name.isLiteral() && matches(name.getLiteralLexicalForm(), words);
                }
            }
            if (named) {
                seen.put(s, true);
                groups.get(group(kb, s)).add(new Hit(s, kb.label(s)));
                continue;
            }
            for (Node quotation : kb.objects(s, Parley.quotation.asNode())) {
                if (quotation.isLiteral() && seen.putIfAbsent(s, true) == null) {
                    groups.get("Quotes").add(new Hit(s, quotation.getLiteralLexicalForm()));
                }
            }
        }
        int total = groups.values().stream().mapToInt(List::size).sum();
        b.append("<p class=\"muted\">").append(total).append(total == 1 ? " result" : " results").append(" for <q>")
         .append(Html.esc(query)).append("</q>.</p>");
        groups.forEach((name, hits) -> {
            if (hits.isEmpty()) {
                return;
            }
            b.append("<h2>").append(name).append(" <span class=\"muted\">(").append(hits.size()).append(")</span></h2><ul class=\"hits\">");
            if (name.equals("Quotes")) {
                Map<Node, Hit> byNode = new LinkedHashMap<>();
                hits.forEach(h -> byNode.putIfAbsent(h.node(), h));
                List<Node> ordered = Claims.sorted(kb, hits.stream().map(Hit::node).toList());
                for (Hit h : ordered.subList(0, Math.min(SHOWN, ordered.size())).stream().map(byNode::get).toList()) {
                    b.append("<li>").append(Claims.reportLink(kb, kb.object(h.node(), Claims.IN_REPORT))).append(" <a href=\"")
                     .append(Html.esc(Vocabulary.localPath(h.node().getURI()))).append("\"><q>").append(Html.esc(h.text()))
                     .append("</q></a></li>");
                }
            } else {
                hits.sort((x, y) -> x.text().compareToIgnoreCase(y.text()));
                for (Hit h : hits.subList(0, Math.min(SHOWN, hits.size()))) {
                    b.append("<li>").append(Html.link(kb, h.node())).append("</li>");
                }
            }
            b.append("</ul>");
            if (hits.size() > SHOWN) {
                b.append("<p class=\"muted more\">The first ").append(SHOWN).append(" of ").append(hits.size())
                 .append("; add words to narrow the search.</p>");
            }
        });
        return Page.html(Html.page("Search: " + query, null, b.toString(), query, null));
    }

    private static String group(Knowledge kb, Node s) {
        if (kb.hasType(s, Parley.Proposal)) {
            return "Proposals";
        }
        if (kb.hasType(s, Parley.Term)) {
            return "Terms";
        }
        if (kb.hasType(s, Parley.Actor) || kb.hasType(s, Parley.Person) || kb.hasType(s, Parley.State) || kb.hasType(s, Parley.ArmedGroup)
                || kb.hasType(s, Parley.GovernmentBody) || kb.hasType(s, Parley.NewsOutlet) || kb.hasType(s, Parley.AnonymousSource)) {
            return "Actors";
        }
        return "Other things";
    }

    /** Lower case, accents removed, anything but letters and digits a space. */
    static String normalise(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static List<String> words(String query) {
        String n = normalise(query);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** Every word of the query is in the text, whole or as the start of a word. */
    static boolean matches(String text, List<String> words) {
        String n = " " + normalise(text) + " ";
        for (String w : words) {
            if (!n.contains(" " + w)) {
                return false;
            }
        }
        return true;
    }
}
