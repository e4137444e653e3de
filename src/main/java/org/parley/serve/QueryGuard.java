package org.parley.serve;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVisitor;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * What a SPARQL request may cost before it runs, checked in one place for the query and update
 * endpoints: the text's length, a parse whose failure is reported in a line or two (never the
 * client's whole input, never a parser's internal error), and {@code SERVICE} calls anywhere in
 * the query (patterns, sub-queries, {@code EXISTS}/{@code NOT EXISTS} in filters, projections,
 * {@code HAVING}, {@code ORDER BY}) limited to the allow-list. A refusal is a {@link Refusal}
 * carrying the HTTP status and the message for the client.
 */
final class QueryGuard {

    /** Parse errors and echoes of client input are cut to this many characters. */
    static final int MAX_MESSAGE_INPUT = 160;

    /** The base Fuseki parses requests with, so that relative IRIs resolve as they always have. */
    private static final String BASE = Fuseki.BaseParserSPARQL;

    private final int maxQueryBytes;
    private final Set<String> allowedServices;

    QueryGuard(int maxQueryBytes, Collection<String> allowedServices) {
        this.maxQueryBytes = maxQueryBytes;
        this.allowedServices = Set.copyOf(allowedServices);
    }

    int maxQueryBytes() {
        return maxQueryBytes;
    }

    /** A request refused before it runs: the HTTP status and a short message for the client. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Parses a query within the limits and checks its SERVICE calls; throws {@link Refusal}. */
    Query query(String text) {
        checkLength(text, "query");
        Query query;
        try {
            query = QueryFactory.create(text, BASE, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new Refusal(400, parseMessage("query", e));
        } catch (QueryException e) {
            // Parsed, but not a query that can be built, e.g. "SELECT ?x (1 AS ?x)": Jena's
            // QueryBuildException, which Fuseki would otherwise answer with HTTP 500.
            throw new Refusal(400, "The query is not valid SPARQL: " + cut(firstLine(e.getMessage())));
        } catch (StackOverflowError e) {
            throw tooDeep("query");
        }
        checkServices(query);
        return query;
    }

    /**
     * Parses an update within the limits, with the protocol's {@code using-graph-uri} and
     * {@code using-named-graph-uri} graphs; throws {@link Refusal}.
     */
    UpdateRequest update(String text, UsingList using) {
        checkLength(text, "update");
        try {
            return UpdateFactory.read(using, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), BASE,
                    Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new Refusal(400, parseMessage("update", e));
        } catch (UpdateException | QueryException e) {
            // e.g. the protocol's using-graph-uri together with USING or WITH in the update
            throw new Refusal(400, "The update cannot be run: " + cut(String.valueOf(e.getMessage())));
        } catch (StackOverflowError e) {
            throw tooDeep("update");
        }
    }

    void checkLength(String text, String what) {
        // UTF-8 is at most 3 bytes a char: count only when the text could be over the limit.
        if (text.length() * 3L > maxQueryBytes && text.getBytes(StandardCharsets.UTF_8).length > maxQueryBytes) {
            throw new Refusal(413, "The " + what + " is too long: over " + maxQueryBytes + " bytes, this server's"
                    + " limit (parley serve --max-query-bytes). Send a shorter " + what + ".");
        }
    }

    /**
     * Every SERVICE endpoint the query would call, wherever it sits. The algebra holds the whole
     * query (sub-queries inlined, SELECT expressions, HAVING and ORDER BY as operators), and
     * Jena's walker descends into the patterns of EXISTS and NOT EXISTS expressions.
     */
    static List<Node> serviceEndpoints(Query query) {
        List<Node> endpoints = new ArrayList<>();
        collectServices(Algebra.compile(query), endpoints);
        return endpoints;
    }

    /**
     * Jena's walker visits the expressions of filters, BIND and projections, but not those of
     * ORDER BY, GROUP BY and aggregates: those are walked here, each EXISTS pattern in turn.
     */
    private static void collectServices(Op op, List<Node> endpoints) {
        ExprVisitor existsPatterns = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp funcOp) {
                collectServices(funcOp.getGraphPattern(), endpoints);
            }
        };
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                endpoints.add(service.getService());
            }

            @Override
            public void visit(OpOrder order) {
                order.getConditions().forEach(c -> Walker.walk(c.getExpression(), existsPatterns));
            }

            @Override
            public void visit(OpTopN top) {
                top.getConditions().forEach(c -> Walker.walk(c.getExpression(), existsPatterns));
            }

            @Override
            public void visit(OpGroup group) {
                group.getGroupVars().getExprs().values().forEach(e -> Walker.walk(e, existsPatterns));
                for (ExprAggregator aggregator : group.getAggregators()) {
                    ExprList arguments = aggregator.getAggregator().getExprList();
                    if (arguments != null) {   // null for COUNT(*)
                        arguments.forEach(e -> Walker.walk(e, existsPatterns));
                    }
                }
            }
        }, existsPatterns);
    }

    /**
     * Refuses (HTTP 422, before anything runs and before any connection is made) a query that
     * names an endpoint not on the allow-list, or, when nothing is allowed, any SERVICE at all.
     * A variable endpoint ({@code SERVICE ?endpoint}) under a non-empty allow-list can only be
     * checked once bound, by {@link ServiceAllowList} at run time.
     */
    void checkServices(Query query) {
        for (Node endpoint : serviceEndpoints(query)) {
            if (endpoint.isVariable() && !allowedServices.isEmpty()) {
                // Known only while the query runs: ServiceAllowList checks each value then.
                continue;
            }
            if (!endpoint.isURI()) {
                throw new Refusal(422, "SERVICE refused: the endpoint must be an IRI named with --allow-service, not "
                        + cut(endpoint.toString()));
            }
            if (!allowedServices.contains(endpoint.getURI())) {
                throw new Refusal(422, "SERVICE <" + cut(endpoint.getURI()) + "> refused: federated query is limited"
                        + " to the endpoints named with --allow-service when the server starts, and this is not one of them");
            }
        }
    }

    /** The parser's position and first line, with any echoed input cut short. */
    static String parseMessage(String what, QueryParseException e) {
        if (e.getCause() instanceof StackOverflowError) {
            return tooDeep(what).getMessage();
        }
        String detail = e.getMessage() == null ? "" : e.getMessage().strip();
        int newline = detail.indexOf('\n');
        if (newline >= 0) {
            detail = detail.substring(0, newline);
        }
        detail = cut(detail);
        String where = e.getLine() > 0 ? " at line " + e.getLine() + ", column " + e.getColumn() : "";
        return "The " + what + " is not valid SPARQL" + where + ": " + detail;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static Refusal tooDeep(String what) {
        return new Refusal(400, "The " + what + " is too deeply nested or has too many patterns in one group for the"
                + " parser; split it into smaller groups or several requests.");
    }

    /** At most {@link #MAX_MESSAGE_INPUT} characters of client input, marked when cut. */
    static String cut(String text) {
        if (text.length() <= MAX_MESSAGE_INPUT) {
            return text;
        }
        return text.substring(0, MAX_MESSAGE_INPUT) + "... (" + text.length() + " characters)";
    }
}
