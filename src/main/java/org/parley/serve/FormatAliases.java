package org.parley.serve;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The names clients use for RDF formats in the {@code format=} and {@code output=} parameters
 * (SPARQLWrapper sends {@code rdf}, {@code rdf+xml}, {@code n3}, ...), mapped to the ones Fuseki
 * knows, and N3 answered as N3: a CONSTRUCT or DESCRIBE asked for as {@code text/n3} is written
 * in Turtle, which is N3, and labelled {@code text/n3} as asked.
 */
final class FormatAliases implements Filter {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("rdf", "xml"), Map.entry("rdfxml", "xml"), Map.entry("rdf+xml", "xml"),
            Map.entry("rdf/xml", "xml"), Map.entry("application/rdf+xml", "xml"),
            Map.entry("n3", "ttl"), Map.entry("text/n3", "ttl"), Map.entry("text/rdf+n3", "ttl"),
            Map.entry("turtle", "ttl"), Map.entry("text/turtle", "ttl"),
            Map.entry("ntriples", "nt"), Map.entry("n-triples", "nt"), Map.entry("application/n-triples", "nt"),
            Map.entry("application/ld+json", "jsonld"));

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!Endpoints.isQuery(Endpoints.of(request))) {
            chain.doFilter(req, resp);
            return;
        }
        boolean n3 = asksForN3(request);
        ServletResponse response = n3 ? new LabelledN3((HttpServletResponse) resp) : resp;
        if (request.getParameter("format") != null || request.getParameter("output") != null) {
            chain.doFilter(new Aliased(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean asksForN3(HttpServletRequest request) {
        for (String name : new String[] {"format", "output"}) {
            String value = request.getParameter(name);
            if (value != null && value.toLowerCase(Locale.ROOT).contains("n3")) {
                return true;
            }
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        String first = accept.split(",")[0].strip().toLowerCase(Locale.ROOT);
        return first.startsWith("text/n3") || first.startsWith("text/rdf+n3");
    }

    private static String alias(String value) {
        return value == null ? null : ALIASES.getOrDefault(value.strip().toLowerCase(Locale.ROOT), value);
    }

    private static final class Aliased extends HttpServletRequestWrapper {
        Aliased(HttpServletRequest request) {
            super(request);
        }

        private static boolean aliased(String name) {
            return "format".equals(name) || "output".equals(name);
        }

        @Override
        public String getParameter(String name) {
            String value = super.getParameter(name);
            return aliased(name) ? alias(value) : value;
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            if (values == null || !aliased(name)) {
                return values;
            }
            String[] mapped = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                mapped[i] = alias(values[i]);
            }
            return mapped;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new HashMap<>(super.getParameterMap());
            for (String name : new String[] {"format", "output"}) {
                if (map.containsKey(name)) {
                    map.put(name, getParameterValues(name));
                }
            }
            return map;
        }
    }

    /** Turtle labelled as the N3 the client asked for. */
    private static final class LabelledN3 extends HttpServletResponseWrapper {
        LabelledN3(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type != null && type.startsWith("text/turtle") ? type.replace("text/turtle", "text/n3") : type);
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                setContentType(value);
            } else {
                super.setHeader(name, value);
            }
        }
    }
}
