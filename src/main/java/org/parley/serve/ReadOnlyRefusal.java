package org.parley.serve;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * On a read-only server, says so: an update or upload sent to the dataset gets HTTP 405 with one
 * plain-text line saying the endpoint is read-only and how to enable updates, instead of a
 * container's bare error page or a query endpoint's complaint about a missing {@code query=}.
 */
final class ReadOnlyRefusal implements Filter {

    static final String MESSAGE = "Parley is serving read-only: updates and uploads are refused. To accept them, restart"
            + " with `parley serve --allow-update --password-file FILE` (HTTP basic auth for the users in FILE),"
            + " and send them to /" + ParleyServer.DATASET_NAME + "/update or /" + ParleyServer.DATASET_NAME + "/data.";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> WRITE_ENDPOINTS = Set.of("update", "data", "upload");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (isWrite(request)) {
            HttpServletResponse response = (HttpServletResponse) resp;
            PlainTextError.send(response, 405, MESSAGE);
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            return;
        }
        chain.doFilter(req, resp);
    }

    private static boolean isWrite(HttpServletRequest request) {
        String endpoint = Endpoints.of(request);
        if (endpoint == null) {
            return false;
        }
        if (WRITE_ENDPOINTS.contains(endpoint)) {
            return !"OPTIONS".equals(request.getMethod());
        }
        if (!WRITES.contains(request.getMethod())) {
            return false;
        }
        if (!Endpoints.isQuery(endpoint)) {
            return true;
        }
        // A POST to a query endpoint is a query, unless it carries an update.
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("application/sparql-update")) {
            return true;
        }
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
                && request.getParameter("update") != null && request.getParameter("query") == null;
    }
}
