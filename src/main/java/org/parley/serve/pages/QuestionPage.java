package org.parley.serve.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.parley.query.QueryException;
import org.parley.query.QueryLibrary;
import org.parley.query.QueryParameters;

/**
 * A question of the library ({@code queries/NAME.rq}) answered as a table people can read: a
 * column {@code ?x} that has a companion {@code ?xLabel} is shown once, as the label linking to
 * x's page; other IRIs show their labels; report identifiers link to the report. The query's
 * parameters ("Parameter: ?partyName" in its header) are offered as a form; unbound, the question
 * is asked of everyone, as on the command line.
 */
final class QuestionPage {

    private QuestionPage() {}

    static Page render(Knowledge kb, Path dir, String name, HttpServletRequest request) {
        if (dir == null || !QueryLibrary.FILE_NAME.matcher(name + ".rq").matches() || !Files.isRegularFile(dir.resolve(name + ".rq"))) {
            return Page.error(404, "No such question", "The query library has no question named " + name + ".");
        }
        QueryLibrary.Entry entry = QueryLibrary.entries(dir).stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
        if (entry == null) {
            return Page.error(404, "No such question", "The query library has no question named " + name + ".");
        }
        String title = entry.question().isEmpty() ? name : entry.question();
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"").append(Html.esc(Html.editorLink(entry.text()))).append("\">Open in the SPARQL editor</a> · ")
         .append(Html.a("/queries/" + entry.fileName(), entry.fileName())).append(" · ").append(Html.a("/#questions", "all questions")).append("</p>");
        if (entry.isFederated()) {
            b.append("<p>This question asks Wikidata over the internet; run it from the SPARQL editor.</p>");
            return Page.html(Html.page(title, null, b.toString(), null, null));
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (!entry.parameters().isEmpty()) {
            b.append("<form class=\"params\" method=\"get\">");
            for (String p : entry.parameters()) {
                String v = request.getParameter(p);
                if (v != null && !v.isBlank()) {
                    values.put(p, v.strip());
                }
                b.append("<label>").append(Html.esc(p)).append(" <input name=\"").append(Html.esc(p)).append("\" value=\"")
                 .append(Html.esc(v == null ? "" : v)).append("\"></label> ");
            }
            b.append("<button type=\"submit\">Ask</button> <span class=\"muted\">(empty: everyone)</span></form>");
        }
        try {
            Query query = QueryFactory.create(entry.text());
            Map<String, Node> bound = QueryParameters.bind(values, query);
            // A whole-corpus question can have millions of rows: a page of them at a time, in the
            // question's own order, unless the question sets its own LIMIT.
            Paging paging = Paging.of(request);
            boolean paged = query.isSelectType() && !query.hasLimit() && !query.hasOffset();
            if (paged) {
                // Where the question pages its rows before reading them, if it does (QueryParameters).
                Query part = QueryParameters.pagedPart(query);
                part.setLimit(paging.size() + 1);
                part.setOffset(paging.offset());
            }
            QueryExecBuilder builder = QueryExec.dataset(kb.dataset()).query(query);
            bound.forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                if (!query.isSelectType()) {
                    b.append("<p>This question is not a SELECT; open it in the SPARQL editor.</p>");
                } else {
                    boolean hasNext = table(kb, exec.select(), b, paged ? paging.size() : Integer.MAX_VALUE);
                    if (paged) {
                        b.append(paging.nav("/questions/" + name, values, hasNext, -1));
                    }
                }
            }
        } catch (QueryException e) {
            b.append("<p class=\"error\">").append(Html.esc(e.getMessage())).append("</p>");
        } catch (org.apache.jena.query.QueryCancelledException e) {
            // The server's query timeout (its context's ARQ.queryTimeout) stopped it: say so, not 500.
            b.append("<p class=\"error\">This question took longer than the server's query timeout on this knowledge base; "
                    + "give it parameters, or run it from the SPARQL editor with a LIMIT.</p>");
        }
        return Page.html(Html.page(title, null, b.toString(), null, null));
    }

    /** The rows as a table, at most {@code max} of them; true if there were more. */
    static boolean table(Knowledge kb, RowSet rows, StringBuilder b, int max) {
        List<String> vars = rows.getResultVars().stream().map(v -> v.getVarName()).toList();
        List<String> shown = new ArrayList<>();
        for (String v : vars) {
            if (v.endsWith("Label") && vars.contains(v.substring(0, v.length() - "Label".length()))) {
                continue;
            }
            shown.add(v);
        }
        b.append("<div class=\"scroll\"><table class=\"answer\"><thead><tr>");
        for (String v : shown) {
            b.append("<th>").append(Html.esc(heading(v))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int[] count = {0};
        boolean more = false;
        while (rows.hasNext()) {
            var row = rows.next();
            if (count[0] == max) {
                more = true;
                break;
            }
            count[0]++;
            b.append("<tr>");
            for (String v : shown) {
                Node n = row.get(v);
                Node label = vars.contains(v + "Label") ? row.get(v + "Label") : null;
                b.append("<td data-col=\"").append(Html.esc(v)).append("\" data-label=\"").append(Html.esc(heading(v))).append("\">").append(cell(kb, v, n, label)).append("</td>");
            }
            b.append("</tr>");
        }
        if (!more) {
            b.append("</tbody></table></div><p class=\"muted\">").append(count[0]).append(count[0] == 1 ? " row" : " rows").append("</p>");
        } else {
            b.append("</tbody></table></div>");
        }
        return more;
    }

    private static String cell(Knowledge kb, String var, Node n, Node label) {
        if (n == null) {
            return label == null ? "" : Html.esc(label.getLiteralLexicalForm());
        }
        if (n.isURI()) {
            String local = Vocabulary.localPath(n.getURI());
            String text = label != null && label.isLiteral() ? label.getLiteralLexicalForm() : kb.label(n);
            return local != null ? Html.a(local, text) : "<a class=\"ext\" href=\"" + Html.esc(n.getURI()) + "\">" + Html.esc(text) + "</a>";
        }
        if (n.isLiteral()) {
            String text = n.getLiteralLexicalForm();
            if (var.startsWith("article") && text.matches("\\d{3}_[0-9a-f]+")) {
                return Html.a("/kb/report/" + text, text.substring(0, 3));
            }
            if (var.toLowerCase().contains("quote") || var.toLowerCase().contains("excerpt")) {
                return "<q>" + Html.esc(text) + "</q>";
            }
            return Html.esc(text);
        }
        return Html.esc(kb.label(n));
    }

    /** "contentLabel" → "content", "partyLabel" → "party", "articleA" → "article A". */
    static String heading(String var) {
        String v = var.endsWith("Label") ? var.substring(0, var.length() - 5) : var;
        return v.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
