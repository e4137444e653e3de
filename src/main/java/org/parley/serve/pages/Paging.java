package org.parley.serve.pages;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One page of a list that grows with the knowledge base: {@code ?page=N} (from 1) of
 * {@code ?size=S} rows (at most, and by default, {@link #MAX_SIZE}), so that no page renders more
 * than that many rows whatever the size of the corpus. Lists are read a page at a time (SPARQL
 * {@code ORDER BY} a stable key, {@code LIMIT}, {@code OFFSET}); {@link #nav} links to the pages
 * before and after.
 */
record Paging(int page, int size) {

    static final int MAX_SIZE = 100;

    /** The first page of {@link #MAX_SIZE} rows. */
    static final Paging FIRST = new Paging(1, MAX_SIZE);

    /** The page a request asks for; anything unreadable is the first page, any size above the maximum the maximum. */
    static Paging of(HttpServletRequest request) {
        return request == null ? FIRST : of(request.getParameter("page"), request.getParameter("size"));
    }

    static Paging of(String page, String size) {
        return new Paging(Math.max(1, number(page, 1)), Math.max(1, Math.min(MAX_SIZE, number(size, MAX_SIZE))));
    }

    private static int number(String s, int otherwise) {
        if (s == null || !s.matches("\\d{1,7}")) {
            return otherwise;
        }
        return Integer.parseInt(s);
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    /** {@code LIMIT} and {@code OFFSET} for this page, plus one row to tell whether a next page exists. */
    String limitOffset() {
        return " LIMIT " + (size + 1) + " OFFSET " + offset();
    }

    /**
     * "Rows a–b of total" (total when known, else -1) and links to the previous and next pages of
     * {@code path}, keeping the other {@code parameters}; empty when everything fits on one page.
     */
    String nav(String path, Map<String, String> parameters, boolean hasNext, long total) {
        if (page == 1 && !hasNext) {
            return "";
        }
        StringBuilder b = new StringBuilder("<nav class=\"paging\"><span class=\"muted\">");
        long first = offset() + 1;
        b.append("rows ").append(first).append("–").append(hasNext ? offset() + size : Math.max(first, total > 0 ? total : first));
        if (total >= 0) {
            b.append(" of ").append(total);
        }
        b.append("</span>");
        if (page > 1) {
            b.append(" ").append("<a rel=\"prev\" href=\"").append(Html.esc(link(path, parameters, page - 1))).append("\">← previous</a>");
        }
        if (hasNext) {
            b.append(" ").append("<a rel=\"next\" href=\"").append(Html.esc(link(path, parameters, page + 1))).append("\">next →</a>");
        }
        return b.append("</nav>").toString();
    }

    private String link(String path, Map<String, String> parameters, int toPage) {
        StringBuilder q = new StringBuilder();
        parameters.forEach((k, v) -> {
            if (v != null && !v.isEmpty() && !k.equals("page") && !k.equals("size")) {
                q.append(q.length() == 0 ? "?" : "&").append(Html.url(k)).append("=").append(Html.url(v));
            }
        });
        q.append(q.length() == 0 ? "?" : "&").append("page=").append(toPage);
        if (size != MAX_SIZE) {
            q.append("&size=").append(size);
        }
        return path + q;
    }
}
