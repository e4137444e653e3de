package org.parley.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ParserProfileWrapper;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.tokens.Token;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.validate.Problem;
import org.parley.validate.SourceLines;

/**
 * Parses one Turtle file strictly: Jena's warnings (a bad IRI, a lexical form that does not fit its
 * datatype) count as errors too, and each is reported with the file, line and column. Parsing stops
 * at the first error; warnings before it are all collected.
 *
 * <p>It also records where each triple and each subject's description is written ({@link SourceLines}),
 * so that the checks that run on the parsed graph can name the line too. The parser tells its profile
 * the position of every node and triple it makes; Jena's RDFParser has no hook for a profile of one's
 * own, so the Turtle reader is called with one directly, Jena's standard profile wrapped.
 */
final class StrictTurtle {

    static final String RULE = "turtle-syntax";

    private StrictTurtle() {
    }

    /**
     * The file's triples (with its prefixes); problems go to the list, which stays empty on success,
     * and where each triple is written goes to {@code lines}.
     */
    static Graph parse(Path file, String shownName, List<Problem> problems, SourceLines lines) {
        Graph graph = GraphFactory.createDefaultGraph();
        List<Problem> found = new ArrayList<>();
        String base = IRILib.filenameToIRI(file.toAbsolutePath().toString());
        LineRecordingProfile profile = new LineRecordingProfile(
                RiotLib.profile(Lang.TURTLE, base, new CollectingErrorHandler(shownName, found)), lines);
        try (InputStream in = Files.newInputStream(file)) {
            RDFParserRegistry.getFactory(Lang.TURTLE).create(Lang.TURTLE, profile)
                    .read(in, base, Lang.TURTLE.getContentType(), StreamRDFLib.graph(graph), RIOT.getContext().copy());
        } catch (IOException unreadable) {
            // Not from the parser itself: no line to give.
            found.add(Problem.error(shownName, RULE, "cannot read the file: " + unreadable.getMessage(),
                    "check that the file exists and is readable"));
        } catch (RiotException stop) {
            if (found.isEmpty()) {
                found.add(Problem.error(shownName, RULE, plain(stop.getMessage()), "fix the Turtle"));
            }
        }
        problems.addAll(found);
        return graph;
    }

    /**
     * Jena's profile, noting the line of each triple it makes and of its subject. A subject's line is
     * where the parser last made that node before the subject's first triple: where its description
     * starts (for {@code [ ... ]}, the bracket), even when its first triple is on the next line.
     */
    private static final class LineRecordingProfile extends ParserProfileWrapper {

        private final SourceLines lines;
        private final Map<Node, Integer> lastMade = new HashMap<>();

        LineRecordingProfile(org.apache.jena.riot.system.ParserProfile profile, SourceLines lines) {
            super(profile);
            this.lines = lines;
        }

        @Override
        public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
            Triple triple = super.createTriple(subject, predicate, object, line, col);
            // The parser gives a triple the position of its object's end; a [ ... ] object starts earlier.
            int tripleLine = Math.min((int) line, lastMade.getOrDefault(object, (int) line));
            lines.add(triple, tripleLine, lastMade.getOrDefault(subject, tripleLine));
            return triple;
        }

        @Override
        public Node create(Node scope, Token token) {
            // The Turtle parser makes every IRI, prefixed name and literal token here.
            return made(super.create(scope, token), token.getLine());
        }

        @Override
        public Node createNodeFromToken(Node scope, Token token, long line, long col) {
            return made(super.createNodeFromToken(scope, token, line, col), line);
        }

        @Override
        public Node createBlankNode(Node scope, String label, long line, long col) {
            return made(super.createBlankNode(scope, label, line, col), line);
        }

        @Override
        public Node createBlankNode(Node scope, long line, long col) {
            return made(super.createBlankNode(scope, line, col), line);
        }

        private Node made(Node node, long line) {
            if (line > 0) {
                lastMade.put(node, (int) line);
            }
            return node;
        }
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
