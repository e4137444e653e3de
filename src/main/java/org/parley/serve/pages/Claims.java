package org.parley.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.parley.vocab.Parley;

/**
 * What the pages say about claims: the rows of a positions table, a claim's quote and where it is
 * in its report (offsets in Unicode code points, as {@code oa:start}/{@code oa:end} give them), and
 * which other reports contradict a figure.
 */
final class Claims {

    static final Node IN_REPORT = Parley.inReport.asNode();
    static final Node HAS_EXCERPT = Parley.hasExcerpt.asNode();
    static final Node FULL_TEXT = Parley.fullText.asNode();
    static final Node ABOUT_QUANTITY = Parley.aboutQuantity.asNode();

    private Claims() {}

    /** A claim's excerpt: the exact words and their code-point offsets in the report text. */
    record Excerpt(String exact, int start, int end) {}

    static Excerpt excerpt(Knowledge kb, Node claim) {
        Node e = kb.object(claim, HAS_EXCERPT);
        if (e == null) {
            return null;
        }
        Node s = kb.object(e, Vocabulary.START);
        Node en = kb.object(e, Vocabulary.END);
        String exact = kb.text(e, Vocabulary.EXACT);
        if (s == null || en == null || exact == null) {
            return null;
        }
        return new Excerpt(exact, Integer.parseInt(s.getLiteralLexicalForm()), Integer.parseInt(en.getLiteralLexicalForm()));
    }

    /** The UTF-16 index (a Java string index) of the code point at {@code codePoint}, clamped to the text. */
    static int utf16(String text, int codePoint) {
        int cps = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoint, cps)));
    }

    /** The report's identifier (e.g. 003_5eda140543b3a4aa), or its label. */
    static String reportId(Knowledge kb, Node report) {
        String id = report == null ? null : kb.text(report, Vocabulary.IDENTIFIER);
        return id != null ? id : kb.label(report);
    }

    static String reportLink(Knowledge kb, Node report) {
        if (report == null) {
            return "";
        }
        String id = reportId(kb, report);
        return "<a href=\"" + Html.esc(Vocabulary.localPath(report.getURI())) + "\" title=\"" + Html.esc(kb.label(report))
                + "\">" + Html.esc(id.length() > 3 ? id.substring(0, 3) : id) + "</a>";
    }

    /** Claims sorted by report, then by where their excerpt starts. */
    static List<Node> sorted(Knowledge kb, List<Node> claims) {
        List<Node> out = new ArrayList<>(new java.util.LinkedHashSet<>(claims));
        out.sort(Comparator.comparing((Node c) -> reportId(kb, kb.object(c, IN_REPORT)))
                .thenComparingInt(c -> {
                    Excerpt e = excerpt(kb, c);
                    return e == null ? Integer.MAX_VALUE : e.start();
                })
                .thenComparing((Node c) -> c.toString()));
        return out;
    }

    /**
     * A table of positions: report, stance, content, precondition, how it is said (modality,
     * polarity, hedge and negation cues), who voiced it, who reported it citing whom, and the quote
     * (linking to the claim's page). {@code withParty} adds the party column.
     */
    static String positionsTable(Knowledge kb, List<Node> positions, boolean withParty) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table class=\"positions\"><thead><tr><th>report</th>");
        if (withParty) {
            b.append("<th>party</th>");
        }
        b.append("<th>stance</th><th>content</th><th>precondition</th><th>how it is said</th><th>voiced by</th>"
                + "<th>reported by</th><th>quote</th></tr></thead><tbody>");
        for (Node pos : sorted(kb, positions)) {
            b.append("<tr><td data-label=\"report\">").append(reportLink(kb, kb.object(pos, IN_REPORT))).append("</td>");
            if (withParty) {
                b.append("<td data-label=\"party\">").append(Html.links(kb, kb.objects(pos, Parley.hasParty.asNode()))).append("</td>");
            }
            b.append("<td class=\"stance\" data-label=\"stance\">").append(stance(kb, pos)).append("</td>")
             .append("<td data-label=\"content\">").append(Html.links(kb, kb.objects(pos, Parley.hasContent.asNode()))).append("</td>")
             .append("<td data-label=\"precondition\">").append(Html.links(kb, kb.objects(pos, Parley.hasPrecondition.asNode()))).append("</td>")
             .append("<td data-label=\"how it is said\">").append(howSaid(kb, pos)).append("</td>")
             .append("<td data-label=\"voiced by\">").append(Html.links(kb, kb.objects(pos, Parley.voicedBy.asNode()))).append("</td>")
             .append("<td data-label=\"reported by\">").append(reportedBy(kb, pos)).append("</td>")
             .append("<td data-label=\"quote\">").append(quoteLink(kb, pos)).append("</td></tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }

    static String stance(Knowledge kb, Node claim) {
        Node stance = kb.object(claim, Parley.hasStance.asNode());
        if (stance == null) {
            return "";
        }
        String name = kb.label(stance);
        String local = stance.getURI().substring(stance.getURI().lastIndexOf('#') + 1);
        return "<span class=\"st st-" + Html.esc(local) + "\">" + Html.esc(name) + "</span>";
    }

    static String howSaid(Knowledge kb, Node claim) {
        List<String> parts = new ArrayList<>();
        for (org.apache.jena.rdf.model.Property p : List.of(Parley.hasModality, Parley.hasPolarity, Parley.hasReportingMode)) {
            for (Node n : kb.objects(claim, p.asNode())) {
                parts.add(Html.esc(kb.label(n)));
            }
        }
        for (Node n : kb.objects(claim, Parley.hedgeCue.asNode())) {
            parts.add("hedge <q>" + Html.esc(kb.label(n)) + "</q>");
        }
        for (Node n : kb.objects(claim, Parley.negationCue.asNode())) {
            parts.add("negation <q>" + Html.esc(kb.label(n)) + "</q>");
        }
        return String.join(", ", parts);
    }

    /** The outlet(s) and, after "citing", the sources they cite. */
    static String reportedBy(Knowledge kb, Node claim) {
        String outlets = Html.links(kb, kb.objects(claim, Parley.reportedBy.asNode()));
        String sources = Html.links(kb, kb.objects(claim, Parley.citesSource.asNode()));
        if (sources.isEmpty()) {
            return outlets;
        }
        return (outlets.isEmpty() ? "" : outlets + " ") + "citing " + sources;
    }

    static String quoteLink(Knowledge kb, Node claim) {
        Excerpt e = excerpt(kb, claim);
        String text = e != null ? e.exact() : kb.label(claim);
        return "<a class=\"quote\" href=\"" + Html.esc(Vocabulary.localPath(claim.getURI())) + "\"><q>" + Html.esc(text) + "</q></a>";
    }

    /**
     * The figure claims of other reports about the same quantity whose values cannot both be true:
     * numbers that clash once their qualifiers are read ("more than 200" is a lower bound that
     * "around 240" meets), in the same unit, else a different day where both give one. The rule of
     * queries/conflicting-claims.rq, which ClaimsContradictingTest holds this to.
     */
    static List<Node> contradicting(Knowledge kb, Node claim) {
        List<Node> out = new ArrayList<>();
        Node quantity = kb.object(claim, ABOUT_QUANTITY);
        if (quantity == null) {
            return out;
        }
        Node report = kb.object(claim, IN_REPORT);
        for (Node other : kb.subjects(ABOUT_QUANTITY, quantity)) {
            if (other.equals(claim) || Objects.equals(kb.object(other, IN_REPORT), report)) {
                continue;
            }
            if (differ(kb, claim, other)) {
                out.add(other);
            }
        }
        return sorted(kb, out);
    }

    private static boolean differ(Knowledge kb, Node a, Node b) {
        Node va = kb.object(a, Parley.value.asNode());
        Node vb = kb.object(b, Parley.value.asNode());
        String ua = kb.text(a, Parley.unit.asNode());
        String ub = kb.text(b, Parley.unit.asNode());
        if (ua != null && ub != null && !ua.equals(ub)) {
            return false;
        }
        if (va != null && vb != null) {
            return Figure.of(va, kb.text(a, Parley.valueQualifier.asNode()))
                    .clashesWith(Figure.of(vb, kb.text(b, Parley.valueQualifier.asNode())));
        }
        if (va == null && vb == null) {
            String ma = kb.text(a, Parley.monthOfYear.asNode());
            String mb = kb.text(b, Parley.monthOfYear.asNode());
            String da = kb.text(a, Parley.dayOfMonth.asNode());
            String db = kb.text(b, Parley.dayOfMonth.asNode());
            return ma != null && mb != null && da != null && db != null && (!ma.equals(mb) || !da.equals(db));
        }
        return false;
    }

    /** A reported number read with its qualifier: an exact count, an estimate, or a bound. */
    record Figure(java.math.BigDecimal number, String kind, boolean strict) {

        private static final List<String> LOWER = List.of("more than", "over", "at least");
        private static final List<String> UPPER = List.of("fewer than", "less than", "under", "up to", "at most");
        private static final List<String> ESTIMATE = List.of("around", "about", "some", "nearly", "almost", "roughly",
                "approximately");
        private static final List<String> STRICT = List.of("more than", "over", "fewer than", "less than", "under");

        static Figure of(Node value, String qualifier) {
            String q = qualifier == null ? "" : qualifier.toLowerCase(java.util.Locale.ROOT);
            String kind = LOWER.contains(q) ? "lower" : UPPER.contains(q) ? "upper" : ESTIMATE.contains(q) ? "estimate" : "exact";
            return new Figure(new java.math.BigDecimal(value.getLiteralLexicalForm().strip()), kind, STRICT.contains(q));
        }

        boolean point() {
            return kind.equals("exact") || kind.equals("estimate");
        }

        /** True when no one number satisfies both figures (two estimates or counts that differ clash). */
        boolean clashesWith(Figure o) {
            int c = number.compareTo(o.number);
            if (point() && o.point()) {
                return c != 0;
            }
            if (point()) {
                return o.excludes(this);
            }
            if (o.point()) {
                return excludes(o);
            }
            if (kind.equals(o.kind)) {
                return false;
            }
            Figure lower = kind.equals("lower") ? this : o;
            Figure upper = kind.equals("lower") ? o : this;
            int lu = lower.number.compareTo(upper.number);
            return lu > 0 || (lu == 0 && (lower.strict || upper.strict));
        }

        /** This bound excludes that point (an estimate at the bound's own number is not excluded). */
        private boolean excludes(Figure p) {
            int c = p.number.compareTo(number);
            boolean atBound = c == 0 && strict && p.kind.equals("exact");
            return kind.equals("lower") ? c < 0 || atBound : c > 0 || atBound;
        }
    }
}
