package org.parley.serve.pages;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Fuseki SPARQL editor (jena-fuseki-ui) at {@code /sparql/}, now that {@code /} is Parley's
 * home page. The editor is a single-page app that finds the server relative to its own path: at
 * {@code /sparql/} it asks for {@code /sparql/$/server}, {@code /sparql/$/ping},
 * {@code /sparql/$/stats/parley} and sends queries to {@code /sparql/parley/sparql}. This filter
 * answers those addresses with the server's own endpoints, so that nothing else changes:
 * <ul>
 * <li>{@code /sparql} → redirect to {@code /sparql/};</li>
 * <li>{@code /sparql/} and {@code /sparql/index.html} → the request goes on as {@code /}, which
 *     the UI start-page filter (placed after this one) answers with the editor's page;</li>
 * <li>{@code /sparql/static/NAME}, {@code /sparql/favicon.ico} → the editor's files, from the
 *     jena-fuseki-ui jar on the classpath;</li>
 * <li>{@code /sparql/$/...} → forwarded to {@code /$/...};</li>
 * <li>{@code /sparql/parley...} → the request goes on as {@code /parley...}, so Fuseki's dispatch
 *     and all of the endpoint's filters (read-only, limits) see the endpoint's own path.</li>
 * </ul>
 * {@code /parley/sparql} itself is unchanged.
 */
public final class SparqlEditorPath implements Filter {

    static final String PREFIX = "/sparql";
    private static final Pattern STATIC_FILE = Pattern.compile("/(static/[A-Za-z0-9._-]+|favicon\\.ico)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "ico", "image/x-icon", "svg", "image/svg+xml", "woff2", "font/woff2", "woff", "font/woff");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            chain.doFilter(req, resp);
            return;
        }
        String rest = path.substring(PREFIX.length());
        if (rest.isEmpty()) {
            response.sendRedirect(PREFIX + "/" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        } else if (rest.equals("/") || rest.equals("/index.html")) {
            chain.doFilter(new AtPath(request, "/"), resp);
        } else if (STATIC_FILE.matcher(rest).matches()) {
            staticFile(rest.substring(1), request, response);
        } else if (rest.startsWith("/$/")) {
            request.getServletContext().getRequestDispatcher(rest).forward(req, resp);
        } else if (rest.startsWith("/parley/") || rest.equals("/parley")) {
            chain.doFilter(new AtPath(request, rest), resp);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void staticFile(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream in = SparqlEditorPath.class.getClassLoader().getResourceAsStream("webapp/" + name)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            response.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            // The file names carry a content hash: they never change under the same name.
            response.setHeader("Cache-Control", name.startsWith("static/") ? "public, max-age=31536000, immutable" : "public, max-age=3600");
            byte[] bytes = in.readAllBytes();
            response.setContentLength(bytes.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(bytes);
            }
        }
    }

    /** The request as if it had been sent to {@code path} (no context path is used here). */
    private static final class AtPath extends HttpServletRequestWrapper {
        private final String path;

        AtPath(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort())
               .append(getRequestURI());
            return url;
        }

        @Override
        public String getServletPath() {
            return "";
        }

        @Override
        public String getPathInfo() {
            return path;
        }
    }
}
