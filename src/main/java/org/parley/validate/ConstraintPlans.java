package org.parley.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.Table;
import org.apache.jena.sparql.algebra.TableFactory;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * How a SHACL-SPARQL constraint's query is made to answer for many focus nodes at once
 * ({@link SparqlConstraints}): the focus nodes as VALUES for {@code $this} at the head of every
 * group that mentions it, and the query planned once with placeholder focus nodes, to be swapped
 * for the real ones at each check.
 */
final class ConstraintPlans {

    private static final Var THIS = Var.alloc("this");

    /** $this as Jena writes it, and not the start of a longer name such as ?thisReport. */
    private static final Pattern THIS_WRITTEN = Pattern.compile("\\?this(?![A-Za-z0-9_\\u00B7\\u0300-\\u036F\\u203F-\\u2040])");

    private ConstraintPlans() {
    }

    /** Whether the element mentions $this anywhere, FILTERs and nested groups included (read as written). */
    private static boolean mentionsThis(Element element) {
        return THIS_WRITTEN.matcher(element.toString()).find();
    }

    /**
     * Focus nodes that stand in for the real ones while a query is planned: two, so that no
     * optimisation meant for a single value applies.
     */
    static final List<Binding> PLACEHOLDER = List.of(
            BindingFactory.binding(THIS, NodeFactory.createURI("urn:parley:validate:focus-placeholder:1")),
            BindingFactory.binding(THIS, NodeFactory.createURI("urn:parley:validate:focus-placeholder:2")));

    /**
     * The constraint's algebra, optimised once: as written where it binds $this itself, else with
     * {@link #PLACEHOLDER} VALUES blocks, or null if the optimiser changed them (every placeholder
     * must still be in a VALUES table of its own, to be swapped whole for the real focus nodes).
     */
    static Op plan(Query query, boolean bindsThis) {
        if (bindsThis) {
            return Algebra.optimize(Algebra.compile(query));
        }
        Query template = query.cloneQuery();
        bindThis(template.getQueryPattern(), PLACEHOLDER);
        Op plan = Algebra.optimize(Algebra.compile(template));
        int[] tables = {0};
        OpWalker.walk(plan, new OpVisitorBase() {
            @Override
            public void visit(OpTable table) {
                if (isPlaceholder(table)) {
                    tables[0]++;
                }
            }
        });
        String written = plan.toString();
        int mentions = written.split(java.util.regex.Pattern.quote("urn:parley:validate:focus-placeholder:"), -1).length - 1;
        return tables[0] > 0 && mentions == tables[0] * PLACEHOLDER.size() ? plan : null;
    }

    private static boolean isPlaceholder(OpTable op) {
        Table table = op.getTable();
        if (table.size() != PLACEHOLDER.size()) {
            return false;
        }
        List<Binding> rows = new ArrayList<>();
        table.rows().forEachRemaining(rows::add);
        return rows.equals(PLACEHOLDER);
    }

    /** The plan with each placeholder VALUES table replaced by the focus nodes. */
    static Op withFocus(Op plan, List<Binding> focus) {
        Table real = TableFactory.create(List.of(THIS));
        focus.forEach(real::addBinding);
        return Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpTable table) {
                return isPlaceholder(table) ? OpTable.create(real) : table;
            }
        }, plan);
    }

    /**
     * Whether the WHERE clause binds {@code $this} in a triple pattern of its own (not only in a
     * FILTER or a nested group): then the query runs as written, once, and its rows are kept for
     * the focus nodes only -- a VALUES block joined with a grouping sub-query would be evaluated
     * as a loop over the sub-query.
     */
    static boolean bindsThisInAPattern(Element where) {
        if (!(where instanceof ElementGroup group)) {
            return false;
        }
        for (Element part : group.getElements()) {
            if (part instanceof org.apache.jena.sparql.syntax.ElementPathBlock block
                    && mentionsThis(block)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the focus nodes, as VALUES for {@code $this}, at the head of every group that mentions it:
     * the WHERE clause and any UNION, OPTIONAL or MINUS part of it. In a group of its own (a UNION
     * branch of only FILTERs, say) {@code $this} would otherwise be unbound, where SHACL's
     * pre-binding gives it the focus node's value. (FILTER [NOT] EXISTS sees the bindings of its group.)
     */
    static void bindThis(Element element, List<Binding> focus) {
        if (element instanceof ElementGroup group) {
            for (Element part : group.getElements()) {
                bindThis(part, focus);
            }
            if (mentionsThis(group)) {
                group.getElements().add(0, new ElementData(List.of(THIS), focus));
            }
        } else if (element instanceof ElementUnion union) {
            union.getElements().forEach(branch -> bindThis(branch, focus));
        } else if (element instanceof ElementOptional optional) {
            bindThis(optional.getOptionalElement(), focus);
        } else if (element instanceof ElementMinus minus) {
            bindThis(minus.getMinusElement(), focus);
        } else if (element instanceof ElementNamedGraph named) {
            bindThis(named.getElement(), focus);
        } else if (element instanceof ElementSubQuery sub && mentionsThis(sub)) {
            // A sub-query that does not mention $this (a grouping over all the data) is evaluated
            // once either way; one that does would need pre-binding inside it.
            throw new IllegalArgumentException("a SPARQL constraint whose sub-query uses $this cannot be checked for many nodes at once");
        }
    }

    /** Whether the WHERE clause holds a sub-query. */
    static boolean hasSubQuery(Element where) {
        boolean[] found = {false};
        ElementWalker.walk(where, new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery sub) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** The variables, other than {@code $this}, of the triple patterns directly in the WHERE clause. */
    static Set<Var> tripleVariables(Element where) {
        Set<Var> vars = new LinkedHashSet<>();
        if (where instanceof ElementGroup group) {
            for (Element part : group.getElements()) {
                if (part instanceof ElementPathBlock block) {
                    block.getPattern().forEach(path -> {
                        for (Node node : new Node[] {path.getSubject(), path.getObject()}) {
                            if (Var.isVar(node) && !Var.isBlankNodeVar(node) && !Var.alloc(node).equals(THIS)) {
                                vars.add(Var.alloc(node));
                            }
                        }
                    });
                }
            }
        }
        return vars;
    }
}
