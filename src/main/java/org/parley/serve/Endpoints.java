package org.parley.serve;

import jakarta.servlet.http.HttpServletRequest;

/** Which endpoint of the {@code /parley} dataset a request is for, read from its path. */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * The endpoint name ({@code sparql}, {@code get}, ...), "" for the dataset itself, or null
     * when the request is not for the dataset. A trailing slash is ignored.
     */
    static String of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = "/" + ParleyServer.DATASET_NAME;
        if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
            return null;
        }
        String endpoint = path.length() > prefix.length() + 1 ? path.substring(prefix.length() + 1) : "";
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /** The query endpoints: {@code /parley/sparql} and {@code /parley/query}. */
    static boolean isQuery(String endpoint) {
        return "sparql".equals(endpoint) || "query".equals(endpoint);
    }
}
