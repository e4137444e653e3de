package org.parley.query;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.parley.validate.Problem;

/**
 * Turns {@code --param name=value} values into RDF terms for Jena's parameter substitution, which
 * replaces the variable in the parsed query, so a value can never change the query's structure.
 * Values: {@code <iri>} is an IRI, {@code prefix:local} with a prefix the query declares is an IRI,
 * an integer is an xsd:integer, anything else a plain string.
 *
 * <p>Two names page the answer instead of binding a variable: {@code limit} and {@code offset} set
 * the query's LIMIT and OFFSET (SPARQL has no variables there), unless the query has a variable of
 * that name. Without them the query runs as written, so paging changes no default answer; page
 * {@code n} (from 1) of size {@code k} is {@code offset=(n-1)*k limit=k}, deterministic because every
 * library query orders its rows by a key that tells them apart.
 *
 * <p>A query can page its rows before it reads them ({@link #pagedPart}): when its WHERE clause
 * opens with a sub-query that has an ORDER BY (looking through leading sub-queries without one),
 * LIMIT and OFFSET go on that sub-query. Such a sub-query picks the answer's rows by their keys,
 * one row each, in the answer's order, and the rest of the query reads the columns of those rows
 * only; so the first page costs the keys, not every row's columns (queries/demands-by-party.rq).
 * SPARQL gives a sub-query's ORDER BY no other use, which is why it marks the place.
 */
public final class QueryParameters {

    public static final String RULE = "query-parameter";

    private static final Pattern IRI = Pattern.compile("<([^<>\"{}|^`\\\\\\s]*)>");
    private static final Pattern PREFIXED = Pattern.compile("([A-Za-z][\\w.-]*)?:([^\\s]*)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** The parameter names that page the answer: the query's LIMIT and OFFSET. */
    public static final Set<String> PAGING = Set.of("limit", "offset");

    private QueryParameters() {
    }

    /**
     * The query with the {@code limit} and {@code offset} values set as its LIMIT and OFFSET (a copy;
     * the query itself if neither is given or the query has variables by those names).
     */
    public static Query page(Map<String, String> values, Query query) throws QueryException {
        Query paged = query;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = plainName(entry.getKey());
            if (!isPaging(name, query)) {
                continue;
            }
            String value = entry.getValue().strip();
            if (!value.matches("\\d{1,18}")) {
                throw new QueryException(Problem.error("--param " + entry.getKey(), RULE,
                        name + " is a number of rows, 0 or more, not '" + entry.getValue() + "'",
                        "e.g. --param limit=100 --param offset=200 for the third page of 100 rows"));
            }
            if (paged == query) {
                // A deep copy: cloneQuery shares the sub-queries, and the page may be set in one.
                paged = QueryFactory.create(query.serialize(), query.getSyntax());
            }
            Query part = pagedPart(paged);
            if (name.equals("limit")) {
                part.setLimit(Long.parseLong(value));
            } else {
                part.setOffset(Long.parseLong(value));
            }
        }
        return paged;
    }

    /**
     * Where a page's LIMIT and OFFSET go in this query (see the class comment): the first sub-query
     * with an ORDER BY that opens the WHERE clause, directly or inside sub-queries that open it;
     * else the query itself. The part returned is the query's own (changing it changes the query).
     */
    public static Query pagedPart(Query query) {
        Query part = query;
        while (true) {
            Element pattern = part.getQueryPattern();
            Element first = pattern instanceof ElementGroup group && !group.isEmpty() ? group.get(0) : pattern;
            if (!(first instanceof ElementSubQuery sub)) {
                return query;
            }
            part = sub.getQuery();
            if (part.hasOrderBy()) {
                return part;
            }
        }
    }

    /** Whether a parameter name pages the answer rather than binding one of the query's variables. */
    private static boolean isPaging(String name, Query query) {
        return PAGING.contains(name) && !variables(query).contains(Var.alloc(name));
    }

    private static String plainName(String name) {
        return name.startsWith("?") || name.startsWith("$") ? name.substring(1) : name;
    }

    private static Set<Var> variables(Query query) {
        Set<Var> variables = new LinkedHashSet<>(OpVars.mentionedVars(Algebra.compile(query)));
        variables.addAll(query.getProjectVars());
        return variables;
    }

    /** {@code name=value} strings as name → value (split at the first '='), in their order. */
    public static Map<String, String> split(List<String> nameEqualsValue) throws QueryException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : nameEqualsValue) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new QueryException(Problem.error("--param " + parameter, RULE,
                        "a parameter is NAME=VALUE", "e.g. --param party=kb:Hamas"));
            }
            values.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        return values;
    }

    /**
     * The values as variable name → term; fails for a variable the query does not use. The paging
     * values ({@link #page}) are left out.
     */
    public static Map<String, Node> bind(Map<String, String> values, Query query) throws QueryException {
        Set<Var> variables = variables(query);
        Map<String, Node> bindings = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = plainName(entry.getKey());
            if (PAGING.contains(name) && !variables.contains(Var.alloc(name))) {
                continue;
            }
            if (!variables.contains(Var.alloc(name))) {
                throw new QueryException(Problem.error("--param " + entry.getKey(), RULE,
                        "the query has no variable ?" + name, "use one of " + namedVariables(variables) + ", or limit and offset to page the rows"));
            }
            bindings.put(name, term(entry.getValue(), query));
        }
        return bindings;
    }

    /** The query's own variable names, leaving out those Jena makes up for aggregates and paths. */
    private static String namedVariables(Set<Var> variables) {
        return variables.stream().filter(variable -> Var.isNamedVar(variable)).map(Var::getVarName).sorted()
                .map(name -> "?" + name).collect(Collectors.joining(", "));
    }

    /** The RDF term a parameter value stands for (see the class comment). */
    public static Node term(String value, Query query) {
        Matcher iri = IRI.matcher(value);
        if (iri.matches()) {
            return NodeFactory.createURI(iri.group(1));
        }
        Matcher prefixed = PREFIXED.matcher(value);
        if (prefixed.matches()) {
            String prefix = prefixed.group(1) == null ? "" : prefixed.group(1);
            String namespace = query.getPrefixMapping().getNsPrefixURI(prefix);
            if (namespace != null) {
                return NodeFactory.createURI(namespace + prefixed.group(2));
            }
        }
        if (INTEGER.matcher(value).matches()) {
            return NodeFactory.createLiteralDT(new BigInteger(value).toString(), XSDDatatype.XSDinteger);
        }
        return NodeFactory.createLiteralString(value);
    }
}
