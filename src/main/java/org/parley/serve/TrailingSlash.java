package org.parley.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * {@code /parley/sparql/} is {@code /parley/sparql}: clients and people often add the slash, and
 * a 404 for it helps nobody. The request goes on with the slash removed, so the same endpoint
 * (and the same checks) answer it.
 */
final class TrailingSlash implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/" + ParleyServer.DATASET_NAME + "/";
        if (uri.startsWith(prefix) && uri.endsWith("/") && uri.length() > prefix.length()
                && uri.indexOf('/', prefix.length()) == uri.length() - 1) {
            chain.doFilter(new WithoutSlash(request, uri.substring(0, uri.length() - 1)), resp);
            return;
        }
        chain.doFilter(req, resp);
    }

    private static final class WithoutSlash extends HttpServletRequestWrapper {
        private final String uri;

        WithoutSlash(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            if (url.length() > 0 && url.charAt(url.length() - 1) == '/') {
                url.setLength(url.length() - 1);
            }
            return url;
        }

        @Override
        public String getServletPath() {
            String path = super.getServletPath();
            return path != null && path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        }

        @Override
        public String getPathInfo() {
            String info = super.getPathInfo();
            return info != null && info.endsWith("/") && info.length() > 1 ? info.substring(0, info.length() - 1) : info;
        }
    }
}
