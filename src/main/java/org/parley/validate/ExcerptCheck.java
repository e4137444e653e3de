package org.parley.validate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.DatatypeFormatException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.parley.vocab.OA;
import org.parley.vocab.Parley;

/**
 * Every excerpt's oa:exact words are the report's text between its oa:start and oa:end, and every
 * parley:quotation occurs verbatim in the report. When the words are elsewhere in the text the hint
 * gives the offsets where they are. This needs the report text (offsets in code points), so it lives
 * here, not in the shapes; that an excerpt has one oa:exact, oa:start and oa:end is
 * shapes:ExcerptShape's rule, and an excerpt without them is left to it.
 */
public final class ExcerptCheck implements ProjectCheck {

    public static final String EXCERPT_VERBATIM = "excerpt-verbatim";
    public static final String QUOTATION_VERBATIM = "quotation-verbatim";

    private static final int MAX_SPANS_IN_HINT = 5;

    @Override
    public List<Problem> check(ParsedProject project) {
        ResourceNames names = new ResourceNames(project);
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Node, Graph> entry : project.checkedGraphs().entrySet()) {
            Graph graph = entry.getValue();
            String file = project.fileOf(entry.getKey());
            Optional<String> reportId = project.reportIdOf(entry.getKey());
            List<Triple> excerptLinks = graph.find(Node.ANY, Parley.hasExcerpt.asNode(), Node.ANY).toList();
            List<Triple> quotations = graph.find(Node.ANY, Parley.quotation.asNode(), Node.ANY).toList();
            if (reportId.isEmpty()) {
                // Excerpts and quotations outside a report's file have no text to be checked against.
                for (Triple link : concat(excerptLinks, quotations)) {
                    problems.add(Problem.error(names.locate(file, link, link.getSubject()), EXCERPT_VERBATIM,
                            file + " is not a report's data file, so its " + names.term(link.getPredicate())
                                    + " cannot be checked against a report text",
                            "move the claim to the data file of the report it quotes"));
                }
                continue;
            }
            String textFile = "data/reports/" + reportId.get() + ".txt";
            ReportText text = new ReportText(project.reportTexts().get(reportId.get()));
            for (Triple link : excerptLinks) {
                checkExcerpt(graph, link.getObject(), text, textFile, file, names, problems);
            }
            for (Triple quotation : quotations) {
                checkQuotation(quotation, text, textFile, file, names, problems);
            }
        }
        return problems;
    }

    private static void checkExcerpt(Graph graph, Node excerpt, ReportText text, String textFile, String file,
                                     ResourceNames names, List<Problem> problems) {
        String location = names.locate(file, excerpt);
        Optional<String> exact = onlyString(graph, excerpt, OA.exact);
        Optional<Integer> start = onlyInteger(graph, excerpt, OA.start);
        Optional<Integer> end = onlyInteger(graph, excerpt, OA.end);
        if (exact.isEmpty() || start.isEmpty() || end.isEmpty()) {
            return; // shapes:ExcerptShape reports it
        }
        String words = exact.get();
        String atOffsets = text.substring(start.get(), end.get());
        if (words.equals(atOffsets)) {
            return;
        }
        String message = "oa:exact \"" + ResourceNames.abbreviate(words, 60) + "\" is not the text at "
                + start.get() + "-" + end.get() + " of " + textFile
                + (atOffsets == null
                        ? " (outside the text, which has " + text.length() + " characters)"
                        : " (which is \"" + ResourceNames.abbreviate(atOffsets, 60) + "\")");
        problems.add(Problem.error(location, EXCERPT_VERBATIM, message, whereTheWordsAre(words, text)));
    }

    private static void checkQuotation(Triple quotation, ReportText text, String textFile, String file,
                                       ResourceNames names, List<Problem> problems) {
        Node value = quotation.getObject();
        if (value.isLiteral() && text.contains(value.getLiteralLexicalForm())) {
            return;
        }
        String words = value.isLiteral() ? value.getLiteralLexicalForm() : value.toString();
        problems.add(Problem.error(names.locate(file, quotation, quotation.getSubject()), QUOTATION_VERBATIM,
                "parley:quotation \"" + ResourceNames.abbreviate(words, 60) + "\" does not occur in " + textFile,
                value.isLiteral() && text.containsLoosely(words)
                        ? "it does once quote marks, dashes and spaces are made alike: copy them exactly from the text"
                        : "copy the quoted words verbatim from the report text"));
    }

    /** The hint for words not at their offsets: where they are, if anywhere. */
    private static String whereTheWordsAre(String words, ReportText text) {
        List<ReportText.Span> spans = text.find(words);
        if (!spans.isEmpty()) {
            String shown = spans.stream().limit(MAX_SPANS_IN_HINT).map(ReportText.Span::toString)
                    .collect(Collectors.joining(", "));
            String more = spans.size() > MAX_SPANS_IN_HINT ? " and " + (spans.size() - MAX_SPANS_IN_HINT) + " more" : "";
            return "found at " + shown + more + ": set oa:start and oa:end to " + (spans.size() == 1 ? "these" : "one of these");
        }
        if (text.containsLoosely(words)) {
            return "not found verbatim, but found once quote marks, dashes and spaces are made alike: "
                    + "copy the words exactly from the text";
        }
        return "the words do not occur anywhere in the report; copy them verbatim from the text";
    }

    private static Optional<String> onlyString(Graph graph, Node subject, Node property) {
        List<Node> values = graph.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList();
        if (values.size() != 1 || !values.get(0).isLiteral()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0).getLiteralLexicalForm());
    }

    private static Optional<Integer> onlyInteger(Graph graph, Node subject, Node property) {
        List<Node> values = graph.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList();
        if (values.size() != 1 || !values.get(0).isLiteral()) {
            return Optional.empty();
        }
        Object value;
        try {
            value = values.get(0).getLiteralValue();
        } catch (DatatypeFormatException illFormed) {
            return Optional.empty();
        }
        // Any XSD integer type will do (xsd:integer, xsd:nonNegativeInteger, ...), if it fits an int.
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            BigInteger big = new BigInteger(value.toString());
            if (big.bitLength() < 32) {
                return Optional.of(big.intValue());
            }
        }
        return Optional.empty();
    }

    private static List<Triple> concat(List<Triple> first, List<Triple> second) {
        List<Triple> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
