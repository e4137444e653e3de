package org.parley.query;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * A library query's parameters bound in its text, for a store that is not Jena (Virtuoso, a bare
 * Fuseki over HTTP): {@code VALUES ?name { value }} first in the WHERE clause and in every group
 * inside it that uses the parameter (a sub-query's WHERE, a UNION branch). Jena's own substitution,
 * which {@code parley query} uses, cannot be written back as SPARQL ({@code BOUND("Hamas")}); and a
 * sub-query sees only its own variables, so one VALUES block in the outer group would not bind the
 * parameter inside it (the party's rows would be every party's).
 */
public final class ValuesBinding {

    private ValuesBinding() {
    }

    /** A copy of the query with the values bound; the query is not changed. */
    public static Query withValues(Query query, Map<Var, Node> values) {
        // A deep copy: cloneQuery shares the sub-queries, and VALUES go into them.
        Query copy = QueryFactory.create(query.serialize(), query.getSyntax());
        BindingBuilder binding = Binding.builder();
        values.forEach(binding::add);
        ElementData data = new ElementData(List.copyOf(values.keySet()), List.of(binding.build()));
        Element pattern = copy.getQueryPattern();
        ElementGroup top = pattern instanceof ElementGroup g ? g : new ElementGroup();
        if (top != pattern) {
            top.addElement(pattern);
            copy.setQueryPattern(top);
        }
        bind(top, data, values.keySet());
        top.getElements().add(0, data);
        return copy;
    }

    private static void bind(Element element, ElementData values, Set<Var> vars) {
        if (element instanceof ElementGroup group) {
            for (Element part : List.copyOf(group.getElements())) {
                bind(part, values, vars);
                if (part instanceof ElementSubQuery sub
                        && sub.getQuery().getQueryPattern() instanceof ElementGroup inner && mentions(inner, vars)) {
                    inner.getElements().add(0, values);
                }
            }
        } else if (element instanceof ElementUnion union) {
            for (Element branch : union.getElements()) {
                bind(branch, values, vars);
                if (branch instanceof ElementGroup group && mentions(group, vars)) {
                    group.getElements().add(0, values);
                }
            }
        } else if (element instanceof ElementOptional optional) {
            bind(optional.getOptionalElement(), values, vars);
        } else if (element instanceof ElementSubQuery sub) {
            bind(sub.getQuery().getQueryPattern(), values, vars);
        }
    }

    private static boolean mentions(Element element, Set<Var> vars) {
        String text = element.toString();
        return vars.stream().anyMatch(v -> text.matches("(?s).*[?$]" + java.util.regex.Pattern.quote(v.getVarName()) + "(?![A-Za-z0-9_]).*"));
    }
}
