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
 * Refuses writes (update, Graph Store PUT/POST/DELETE) that a browser sends on behalf of another
 * site. A browser re-sends basic-auth credentials it has cached, even with a plain HTML form
 * posted from another site, so without this check any page a logged-in user visits could update
 * the dataset (cross-site request forgery). Browsers say where a request comes from
 * ({@code Origin}, {@code Sec-Fetch-Site}); clients such as curl send neither and are not
 * affected.
 */
final class CrossSiteWriteGuard implements Filter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String endpoint = Endpoints.of(request);
        boolean write = "update".equals(endpoint) || "data".equals(endpoint);
        if (write && !SAFE.contains(request.getMethod()) && isCrossSite(request)) {
            ((HttpServletResponse) resp).sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Cross-site write refused: updates must come from this server's own pages or a non-browser client");
            return;
        }
        chain.doFilter(req, resp);
    }

    static boolean isCrossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            String own = request.getScheme() + "://" + request.getHeader("Host");
            return !origin.equalsIgnoreCase(own);
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        return fetchSite != null && !(fetchSite.equals("same-origin") || fetchSite.equals("none"));
    }
}
