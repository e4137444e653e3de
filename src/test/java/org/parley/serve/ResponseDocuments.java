package org.parley.serve;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;

/**
 * Checks, for the load and fuzz tests, that a response body is a complete document of the type its
 * {@code Content-Type} declares: SPARQL results are read to the end with Jena's result-set readers,
 * RDF with Jena's parsers, plain-text errors must be short; and that no body shows the server's
 * insides (a stack trace, a Java exception or class name).
 */
final class ResponseDocuments {

    /** The longest plain-text error the server sends is a few hundred characters. */
    static final int MAX_ERROR_CHARS = 600;

    /**
     * A stack frame, an exception or error class name, or a package of the JVM, the container, Jena
     * or Parley: none belongs in what a client reads.
     */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |\\bat [a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\bException\\b"
                    + "|\\b(java|javax|jakarta|sun)\\.[a-z]+\\.|\\borg\\.(apache|eclipse|parley)\\.[a-z]");

    private ResponseDocuments() {
    }

    /** What a body was found to be. */
    record Parsed(String kind, long rows) {
        static Parsed text() {
            return new Parsed("text", -1);
        }
    }

    /**
     * Parses {@code body} as what {@code contentType} declares; throws {@link AssertionError}
     * saying why when it is not a complete, valid document of that type (or the type is one the
     * server has no business sending).
     */
    static Parsed parse(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        ResultSetLang.init();
        Lang results = switch (type) {
            case "application/sparql-results+json", "application/json" -> ResultSetLang.RS_JSON;
            case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
            case "text/csv" -> ResultSetLang.RS_CSV;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            default -> null;
        };
        String text = new String(body, StandardCharsets.UTF_8);
        if (results != null) {
            try {
                SPARQLResult result = ResultsReader.create().lang(results).build().readAny(new ByteArrayInputStream(body));
                if (result.isBoolean()) {
                    return new Parsed(type, result.getBooleanResult() ? 1 : 0);
                }
                ResultSet rows = result.getResultSet();
                long count = 0;
                for (; rows.hasNext(); rows.next()) {
                    count++;
                }
                return new Parsed(type, count);
            } catch (RuntimeException e) {
                throw new AssertionError("not a valid " + type + " document (" + e.getMessage() + "): " + excerpt(text), e);
            }
        }
        if (type.equals("text/plain")) {
            // An error message, or SPARQL results as a text table (Accept: text/plain).
            return Parsed.text();
        }
        Lang rdf = RDFLanguages.contentTypeToLang(type);
        if (type.equals("text/n3")) {
            rdf = Lang.TURTLE;   // Parley answers N3 as Turtle, which is N3 (FormatAliases)
        }
        if (rdf != null) {
            Graph graph = GraphFactory.createDefaultGraph();
            try {
                RDFParser.source(new ByteArrayInputStream(body)).lang(rdf).base("http://localhost/").parse(graph);
            } catch (RuntimeException e) {
                throw new AssertionError("not a valid " + type + " document (" + e.getMessage() + "): " + excerpt(text), e);
            }
            return new Parsed(type, graph.size());
        }
        if (body.length == 0) {
            return new Parsed("empty", 0);
        }
        if (type.equals("text/html")) {
            // The web UI's page and the container's own error pages; only checked for insides.
            return new Parsed(type, -1);
        }
        throw new AssertionError("a body of undeclared or unexpected type '" + contentType + "': " + excerpt(text));
    }

    /** Null when an error body is a short plain-text message, else what is wrong with it. */
    static String errorMessageProblem(String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("text/plain")) {
            return "an error answered as " + contentType + ", not text/plain";
        }
        if (body.length() > MAX_ERROR_CHARS) {
            return "a plain-text error of " + body.length() + " characters: " + excerpt(body);
        }
        return null;
    }

    /** The first sign of the server's insides in {@code body}, or null when there is none. */
    static String internals(String body) {
        Matcher m = INTERNALS.matcher(body);
        if (!m.find()) {
            return null;
        }
        int from = Math.max(0, m.start() - 60);
        return body.substring(from, Math.min(body.length(), m.end() + 60));
    }

    static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }
}
