package org.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.system.Txn;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.query.QueryLibrary;

/**
 * Every library query (queries/*.rq), run on Parley's own knowledge base and sent over HTTP to
 * another store's SPARQL endpoint, with its answers as comparable rows.
 *
 * <p>Runs: each query once as it is, and once per {@code parameters} line of its
 * queries/tests/NAME.tsv (the values bound as plain strings, as QueryLibraryTest binds them). A query
 * without parameters goes to the store as the file's text, byte for byte; a parameterised one as
 * Jena writes the query with the value substituted (the store has no substitution of its own).
 * The federated query (SERVICE, which calls Wikidata) is left out: it needs a remote endpoint.
 *
 * <p>What is normalised before comparing (docs/scaling.md lists it):
 * <ul>
 * <li>numbers: any XSD numeric type compares by value ({@code "3"^^xsd:integer} = {@code "3"^^xsd:int}:
 * Virtuoso types COUNT as xsd:int and stores integers as such);</li>
 * <li>{@code xsd:string} and a plain literal are the same (RDF 1.1);</li>
 * <li>blank nodes: a blank node shared between graphs is sent as an IRI ({@link SharedBlankNodes});
 * on Parley's side it is replaced by that IRI before comparing, and any other blank node on
 * either side is "a blank node".</li>
 * </ul>
 * Rows compare in order: each query ends in ORDER BY.
 */
final class LibraryRows {

    static final Path QUERIES = Path.of("queries");

    /** One run of a library query: its name, the values bound, and its text. */
    record Run(String name, Map<String, String> parameters, Query query, String text) {
        /** The separators of the query's GROUP_CONCATs, sub-queries included. */
        List<String> separators() {
            List<String> separators = new ArrayList<>();
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementSubQuery sub) {
                    collectSeparators(sub.getQuery(), separators);
                    ElementWalker.walk(sub.getQuery().getQueryPattern(), this);
                }
            });
            collectSeparators(query, separators);
            return separators;
        }

        @Override
        public String toString() {
            return name + (parameters.isEmpty() ? "" : " " + parameters);
        }
    }

    private LibraryRows() {
    }

    /** Every run of every non-federated library query. */
    static List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (QueryLibrary.Entry entry : QueryLibrary.entries(QUERIES)) {
            if (entry.isFederated()) {
                continue;
            }
            Query query = QueryFactory.create(entry.text());
            runs.add(new Run(entry.name(), Map.of(), query, entry.text()));
            for (Map<String, String> parameters : parameterCases(entry.name())) {
                runs.add(new Run(entry.name(), parameters, query, withValues(query, parameters)));
            }
        }
        return runs;
    }

    private static void collectSeparators(Query query, List<String> separators) {
        for (ExprAggregator aggregator : query.getAggregators()) {
            if (aggregator.getAggregator() instanceof AggGroupConcatDistinct distinct) {
                separators.add(distinct.getSeparator() == null ? " " : distinct.getSeparator());
            } else if (aggregator.getAggregator() instanceof AggGroupConcat concat) {
                separators.add(concat.getSeparator() == null ? " " : concat.getSeparator());
            }
        }
    }

    /**
     * Rows compared: equal, or the first row that differs with both versions. Where the query has
     * GROUP_CONCATs, whose order SPARQL leaves to the store, a text cell compares as the sorted parts
     * between the query's separators.
     */
    static void assertSameRows(List<List<String>> expected, List<List<String>> actual, Run run, String store) {
        List<String> separators = run.separators();
        List<List<String>> wanted = separators.isEmpty() ? expected : unordered(expected, separators);
        List<List<String>> got = separators.isEmpty() ? actual : unordered(actual, separators);
        if (wanted.equals(got)) {
            return;
        }
        int row = 0;
        while (row < Math.min(wanted.size(), got.size()) && wanted.get(row).equals(got.get(row))) {
            row++;
        }
        throw new AssertionError(run + ": " + store + " gives " + (got.size() - 1) + " rows, Parley " + (wanted.size() - 1)
                + "; first difference at row " + row + ":\n  Parley: " + (row < expected.size() ? expected.get(row) : "(none)")
                + "\n  " + store + ": " + (row < actual.size() ? actual.get(row) : "(none)"));
    }

    private static List<List<String>> unordered(List<List<String>> rows, List<String> separators) {
        String split = separators.stream().distinct().map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow();
        return rows.stream().map(row -> row.stream().map(cell -> {
            if (!cell.startsWith("\"")) {
                return cell;
            }
            int end = cell.lastIndexOf('"');
            List<String> parts = new ArrayList<>(List.of(cell.substring(1, end).split(split, -1)));
            parts.sort(null);
            return "\"" + String.join(" | ", parts) + cell.substring(end);
        }).toList()).toList();
    }

    /** The {@code parameters} lines of queries/tests/NAME.tsv. */
    private static List<Map<String, String>> parameterCases(String name) {
        Path tests = QUERIES.resolve("tests").resolve(name + ".tsv");
        List<Map<String, String>> cases = new ArrayList<>();
        if (!Files.isRegularFile(tests)) {
            return cases;
        }
        try {
            for (String line : Files.readAllLines(tests, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields[0].equals("parameters")) {
                    Map<String, String> parameters = new LinkedHashMap<>();
                    for (int i = 1; i < fields.length; i++) {
                        String[] binding = fields[i].split("=", 2);
                        parameters.put(binding[0], binding[1]);
                    }
                    cases.add(parameters);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /**
     * The query with {@code VALUES ?name { "value" }} first in its WHERE clause and in every group
     * inside it that uses the parameter (a sub-query's WHERE, a UNION branch), written by Jena:
     * what a store without Jena's substitution is sent. (Writing the substituted query instead
     * would give {@code BOUND("Hamas")}, which is not SPARQL.) A sub-query sees only its own
     * variables, so a VALUES block in the outer group would not bind the parameter inside it.
     */
    static String withValues(Query query, Map<String, String> parameters) {
        return org.parley.query.ValuesBinding.withValues(query, nodes(parameters)).serialize();
    }

    private static Map<Var, Node> nodes(Map<String, String> parameters) {
        Map<Var, Node> nodes = new LinkedHashMap<>();
        parameters.forEach((name, value) -> nodes.put(Var.alloc(name), NodeFactory.createLiteralString(value)));
        return nodes;
    }

    /** The run on Parley's knowledge base, with shared blank nodes as the IRIs they were pushed as. */
    static List<List<String>> onParley(LoadedKnowledgeBase kb, Run run, Map<Node, Node> sharedBlankNodes) {
        return Txn.calculateRead(kb.datasetGraph(), () -> {
            QueryExecBuilder builder = QueryExec.dataset(kb.datasetGraph()).query(run.query());
            nodes(run.parameters()).forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                return rows(exec.select(), sharedBlankNodes);
            }
        });
    }

    /** The run sent to a SPARQL endpoint (POST, form-encoded), answers read as SPARQL JSON. */
    static List<List<String>> overHttp(String sparqlEndpoint, Run run) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sparqlEndpoint))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(run.text(), StandardCharsets.UTF_8)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(200, response.statusCode(), () -> run + " on " + sparqlEndpoint + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
        RowSet rows = RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON));
        return rows(rows, Map.of());
    }

    private static List<List<String>> rows(RowSet rowSet, Map<Node, Node> sharedBlankNodes) {
        List<Var> vars = rowSet.getResultVars();
        List<List<String>> rows = new ArrayList<>();
        // The header row: the columns, in order.
        rows.add(vars.stream().map(Var::getVarName).toList());
        while (rowSet.hasNext()) {
            Binding binding = rowSet.next();
            List<String> row = new ArrayList<>();
            for (Var var : vars) {
                Node node = binding.get(var);
                row.add(node == null ? "(unbound)" : cell(sharedBlankNodes.getOrDefault(node, node)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One value, normalised as the class comment says. */
    static String cell(Node node) {
        if (node.isBlank()) {
            return "_:blank";
        }
        if (node.isURI()) {
            return "<" + node.getURI() + ">";
        }
        String lexical = node.getLiteralLexicalForm();
        if (!node.getLiteralLanguage().isEmpty()) {
            return '"' + lexical + "\"@" + node.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT);
        }
        String datatype = node.getLiteralDatatypeURI();
        if (datatype == null || datatype.equals(XSDDatatype.XSDstring.getURI())) {
            return '"' + lexical + '"';
        }
        if (node.getLiteralDatatype() instanceof XSDDatatype xsd && isNumeric(xsd)) {
            try {
                return "number " + new BigDecimal(lexical.strip()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                // fall through: compared as written
            }
        }
        return '"' + lexical + "\"^^<" + datatype + ">";
    }

    private static boolean isNumeric(XSDDatatype type) {
        return List.of(XSDDatatype.XSDinteger, XSDDatatype.XSDint, XSDDatatype.XSDlong, XSDDatatype.XSDshort,
                XSDDatatype.XSDbyte, XSDDatatype.XSDdecimal, XSDDatatype.XSDnonNegativeInteger,
                XSDDatatype.XSDpositiveInteger, XSDDatatype.XSDnonPositiveInteger, XSDDatatype.XSDnegativeInteger,
                XSDDatatype.XSDunsignedInt, XSDDatatype.XSDunsignedLong, XSDDatatype.XSDunsignedShort,
                XSDDatatype.XSDunsignedByte, XSDDatatype.XSDdouble, XSDDatatype.XSDfloat).contains(type);
    }
}
