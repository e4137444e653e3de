package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The end of every resource's page, and the whole page of anything Parley has no section for:
 * every asserted triple with the resource as subject ("All it says"), then as object ("What points
 * to it"), grouped by property, with labels and links. Asserted only ({@link org.parley.validate.StatedTriples}): the
 * entailments would repeat every super-class and inverse.
 */
final class TriplesTable {

    /** Values shown per property in the triples tables (a concept may be the object of millions). */
    static final int MAX_TRIPLES = 200;

    private TriplesTable() {}

    /** Every asserted triple with the resource as subject, then as object, with labels. */
    static void append(Knowledge kb, Node node, StringBuilder b) {
        Map<String, List<String>> out = new TreeMap<>();
        boolean outCut = firstTriples(kb.asserted().find(node, Node.ANY, Node.ANY), t -> out
                .computeIfAbsent(kb.label(t.getPredicate()) + "\u0000" + t.getPredicate(), k -> new ArrayList<>())
                .add(t.getObject().isBlank() ? blank(kb, t.getObject()) : Html.link(kb, t.getObject())));
        Map<String, List<String>> in = new TreeMap<>();
        boolean inCut = firstTriples(kb.asserted().find(Node.ANY, Node.ANY, node), t -> in
                .computeIfAbsent(kb.label(t.getPredicate()) + "\u0000" + t.getPredicate(), k -> new ArrayList<>())
                .add(Html.link(kb, t.getSubject())));
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
    private static boolean firstTriples(Iterator<Triple> triples, Consumer<Triple> each) {
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
            Iter.close(triples);
        }
    }

    private static String cutNote(boolean cut) {
        return cut ? "<p class=\"muted more\">The first " + MAX_TRIPLES + " triples only; ask the SPARQL editor for the rest.</p>" : "";
    }

    private static void row(Knowledge kb, Map<String, List<String>> grouped, StringBuilder b, String prefix) {
        grouped.forEach((key, values) -> {
            String iri = key.substring(key.indexOf('\u0000') + 1);
            String label = key.substring(0, key.indexOf('\u0000'));
            String local = Vocabulary.localPath(iri);
            b.append("<tr><th>").append(prefix.isEmpty() ? "" : "<span class=\"muted\">is</span> ")
             .append(local != null ? Html.a(local, label) : "<a class=\"ext\" href=\"" + Html.esc(iri) + "\">" + Html.esc(label) + "</a>")
             .append(prefix.isEmpty() ? "" : " <span class=\"muted\">of</span>")
             .append("</th><td>").append(String.join("<br>", values.stream().sorted().toList())).append("</td></tr>");
        });
    }

    /** A blank node (an excerpt) shown inline. */
    private static String blank(Knowledge kb, Node n) {
        String exact = kb.text(n, Vocabulary.EXACT);
        if (exact != null) {
            return "<q>" + Html.esc(exact) + "</q> <span class=\"muted\">(" + Html.esc(kb.text(n, Vocabulary.START)) + "–"
                    + Html.esc(kb.text(n, Vocabulary.END)) + ")</span>";
        }
        return Html.esc(kb.label(n));
    }
}
