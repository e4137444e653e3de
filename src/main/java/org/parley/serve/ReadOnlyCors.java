package org.parley.serve;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.apache.jena.fuseki.servlets.CrossOriginFilter;

/**
 * CORS for reading: any web page may query the server from a browser (GET, POST, HEAD,
 * OPTIONS), but never with the browser's credentials, so a page cannot use a logged-in user's
 * password. Fuseki's own filter with settings of ours: {@code enableCors(true)} would allow
 * every method, the {@code Authorization} header and credentials.
 */
final class ReadOnlyCors implements Filter {

    private static final Map<String, String> SETTINGS = Map.of(
            CrossOriginFilter.ALLOWED_ORIGINS_PARAM, "*",
            CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,POST,HEAD,OPTIONS",
            CrossOriginFilter.ALLOWED_HEADERS_PARAM, "X-Requested-With, Content-Type, Accept, Origin",
            CrossOriginFilter.EXPOSED_HEADERS_PARAM,
                    "Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma",
            CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "false",
            CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false");

    private final CrossOriginFilter cors = new CrossOriginFilter();

    @Override
    public void init(FilterConfig config) throws ServletException {
        cors.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "parley-cors";
            }

            @Override
            public ServletContext getServletContext() {
                return config.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
                return SETTINGS.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(SETTINGS.keySet());
            }
        });
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        cors.doFilter(request, response, chain);
    }

    @Override
    public void destroy() {
        cors.destroy();
    }
}
