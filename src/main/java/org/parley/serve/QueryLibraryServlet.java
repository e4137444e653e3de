package org.parley.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.query.QueryLibrary;

/**
 * The query library, made easy to find from the browser: {@code /queries} lists the
 * {@code .rq} files of a directory with the question from each file's header comment, a link to
 * the raw file ({@code /queries/NAME.rq}) and a link that opens it in the web UI's query editor.
 * Files are read at each request, so edits show without a restart. Only plain file names
 * ending in {@code .rq} are served, never a path.
 */
final class QueryLibraryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Path dir;
    private final String datasetName;

    QueryLibraryServlet(Path dir, String datasetName) {
        this.dir = dir;
        this.datasetName = datasetName;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            listing(resp);
            return;
        }
        String name = info.substring(1);
        Path file = dir.resolve(name);
        if (!QueryLibrary.FILE_NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No query file " + name);
            return;
        }
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write(Files.readAllBytes(file));
    }

    private void listing(HttpServletResponse resp) throws IOException {
        List<QueryLibrary.Entry> entries = QueryLibrary.entries(dir);
        resp.setContentType("text/html; charset=utf-8");
        PrintWriter out = resp.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Parley queries</title>");
        out.println("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                + "li{margin:.6em 0}code{color:#555}</style></head><body>");
        out.println("<h1>Parley query library</h1>");
        out.println("<p>Each query answers one question about the negotiation reports. Open one in the "
                + "<a href=\"/sparql/#/dataset/" + esc(datasetName) + "/query\">query editor</a>, or send it to "
                + "<code>/" + esc(datasetName) + "/sparql</code>.</p>");
        if (entries.isEmpty()) {
            out.println("<p>No query files found.</p>");
        } else {
            out.println("<ul>");
            for (QueryLibrary.Entry e : entries) {
                String ui = "/sparql/#/dataset/" + datasetName + "/query?query="
                        + URLEncoder.encode(e.text(), StandardCharsets.UTF_8).replace("+", "%20");
                out.println("<li>" + esc(question(e.text()))
                        + " <br><a href=\"/queries/" + esc(e.fileName()) + "\"><code>" + esc(e.fileName())
                        + "</code></a> &middot; <a href=\"" + esc(ui) + "\">open in the query editor</a></li>");
            }
            out.println("</ul>");
        }
        out.println("</body></html>");
    }

    /** The question shown for a file: its header's, or a note that it has none. */
    static String question(String text) {
        String question = QueryLibrary.question(text);
        return question.isEmpty() ? "(no header comment)" : question;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
