package org.parley.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.validate.Problem;

/**
 * Parses one Turtle file strictly: Jena's warnings (a bad IRI, a lexical form that does not fit its
 * datatype) count as errors too, and each is reported with the file, line and column. Parsing stops
 * at the first error; warnings before it are all collected.
 */
final class StrictTurtle {

    static final String RULE = "turtle-syntax";

    private StrictTurtle() {
    }

    /** The file's triples (with its prefixes); problems go to the list, which stays empty on success. */
    static Graph parse(Path file, String shownName, List<Problem> problems) {
        Graph graph = GraphFactory.createDefaultGraph();
        List<Problem> found = new ArrayList<>();
        try {
            RDFParser.source(file)
                    .lang(Lang.TURTLE)
                    .errorHandler(new CollectingErrorHandler(shownName, found))
                    .parse(graph);
        } catch (RiotException stop) {
            if (found.isEmpty()) {
                // Not from the parser itself (a missing or unreadable file): no line to give.
                found.add(Problem.error(shownName, RULE, stop.getMessage(), "check that the file exists and is readable"));
            }
        }
        problems.addAll(found);
        return graph;
    }

    private record CollectingErrorHandler(String file, List<Problem> found) implements ErrorHandler {

        @Override
        public void warning(String message, long line, long column) {
            found.add(problem(message, line, column));
        }

        @Override
        public void error(String message, long line, long column) {
            found.add(problem(message, line, column));
            throw new RiotException(message);
        }

        @Override
        public void fatal(String message, long line, long column) {
            error(message, line, column);
        }

        private Problem problem(String message, long line, long column) {
            String location = line < 0 ? file : column < 0 ? file + ":" + line : file + ":" + line + ":" + column;
            return Problem.error(location, RULE, plain(message), "fix the Turtle at that position");
        }
    }

    /** Java exception class names in a parser message (the IRI checker passes its own through). */
    private static final java.util.regex.Pattern JAVA_EXCEPTION =
            java.util.regex.Pattern.compile("\\s*\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

    /** The parser's message for a person: what is wrong, without the names of the classes that found it. */
    static String plain(String message) {
        return message == null ? "" : JAVA_EXCEPTION.matcher(message).replaceAll(" ").strip();
    }
}
