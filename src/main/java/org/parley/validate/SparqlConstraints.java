package org.parley.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The SHACL-SPARQL constraints of the shapes (sh:sparql with sh:select), evaluated for many focus
 * nodes at once: each constraint's query runs once, with the focus nodes given in a VALUES block at
 * the head of each group that mentions it, instead of once per focus node. The answers are those of
 * SHACL's pre-binding of {@code $this} for queries whose sub-queries (if any) do not mention
 * {@code $this}, as in ontology/shapes.ttl; checking one report with Jena's SHACL
 * engine node by node cost about nine tenths of its time in these queries, each compiled anew.
 * The SHACL Core constraints are left to Jena's engine.
 */
final class SparqlConstraints {

    private static final Node TYPE = RDF.type.asNode();
    private static final Node SUBCLASS = RDFS.subClassOf.asNode();
    private static final Var THIS = Var.alloc("this");
    private static final Var VALUE = Var.alloc("value");
    private static final Var PATH = Var.alloc("path");

    /**
     * One sh:sparql constraint of a targeted shape.
     *
     * @param bindsThis whether its WHERE clause binds {@code $this} in a triple pattern of its own
     *                  ({@link ConstraintPlans#bindsThisInAPattern}): then it runs as written and its rows are kept
     *                  for the focus nodes only
     * @param plan      its algebra, optimised once: as written, or with {@link ConstraintPlans#PLACEHOLDER} focus
     *                  nodes in VALUES blocks to be replaced by the real ones (null where the
     *                  optimiser did not keep those blocks as they were: planned per check instead)
     */
    record Constraint(Node shape, Set<Node> targetClasses, Set<Node> targetSubjectsOf, Query query, String message,
                      boolean bindsThis, Op plan) {
    }

    /** A violation: the focus node, the path and value the query gave (or null), and the message. */
    record Violation(Node shape, Node focus, Node path, Node value, String message) {
    }

    private final List<Constraint> constraints;

    private SparqlConstraints(List<Constraint> constraints) {
        this.constraints = constraints;
    }

    /** The constraints of every shape with a class or subjects-of target in the shapes graph. */
    static SparqlConstraints of(Graph shapes) {
        return new SparqlConstraints(ConstraintsOfShapes.read(shapes));
    }

    /**
     * The violations of the constraints by those of {@code candidates} that are focus nodes of their
     * shapes, every query run over {@code data} (in memory: one report with the shared graphs) from
     * its plan made once, so that checking thousands of reports does not parse, compile and optimise
     * every query thousands of times.
     * Focus nodes are found with {@code targets} (whose class hierarchy may be shared).
     */
    List<Violation> check(Graph data, Set<Node> candidates, Targets targets) {
        ExecutionContext context = ExecutionContext.createForGraph(data);
        return check(candidates, targets, (constraint, focus, violations) -> {
            Op plan = constraint.plan() == null ? null
                    : constraint.bindsThis() ? constraint.plan() : ConstraintPlans.withFocus(constraint.plan(), focus);
            if (plan == null) {
                // Planned for these focus nodes, as over a store.
                plan = Algebra.optimize(Algebra.compile(queryFor(constraint, focus)));
            }
            QueryIterator rows = QC.execute(plan, BindingFactory.root(), context);
            try {
                collect(constraint, focus, rows, violations);
            } finally {
                rows.close();
            }
        });
    }

    /**
     * The same, the queries run over {@code dataset} (whose default graph is {@code data}): over a
     * TDB2 database, so that TDB2's own engine plans and answers them from its indexes.
     */
    List<Violation> check(org.apache.jena.sparql.core.DatasetGraph dataset, Graph data, Set<Node> candidates) {
        return check(candidates, Targets.in(data), (constraint, focus, violations) -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(queryFor(constraint, focus)).build()) {
                collect(constraint, focus, exec.select(), violations);
            }
        });
    }

    /**
     * The same for a few candidates in a large store (an update's resources): every query gets the
     * candidates as VALUES for {@code $this}, so that it reads what they lead to, not all of the data;
     * only a query with a sub-query (a grouping over all the data, evaluated whole either way) runs
     * as written.
     */
    List<Violation> checkFew(org.apache.jena.sparql.core.DatasetGraph dataset, Graph data, Set<Node> candidates) {
        return check(candidates, Targets.in(data), (constraint, focus, violations) -> {
            boolean whole = ConstraintPlans.hasSubQuery(constraint.query().getQueryPattern());
            Query query = constraint.query();
            if (!whole) {
                query = query.cloneQuery();
                ConstraintPlans.bindThis(query.getQueryPattern(), focus);
            }
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                collect(constraint, focus, exec.select(), violations, whole);
            }
        });
    }

    /**
     * The violations in which one of {@code nodes} takes part, whatever the focus node: each
     * constraint's query is run once per variable of its WHERE clause's own triple patterns (other
     * than {@code $this}), with that variable given {@code nodes} in a VALUES block at the head of
     * the clause, and the rows whose {@code $this} is a focus node of the shape are kept. For a rule
     * that compares a resource with others (a proposal whose term another report's position has as
     * content), a change to the other resource finds the violation at the resource it did not touch.
     * Variables only in a FILTER [NOT] EXISTS or a sub-query are left alone: giving them values would
     * change what the query means. Queries with no such variable add nothing, and so do queries with
     * a sub-query (see below).
     */
    List<Violation> checkInvolving(org.apache.jena.sparql.core.DatasetGraph dataset, Graph data, Set<Node> nodes) {
        List<Violation> violations = new ArrayList<>();
        if (nodes.isEmpty()) {
            return violations;
        }
        Targets targets = Targets.in(data);
        for (Constraint constraint : constraints) {
            if (ConstraintPlans.hasSubQuery(constraint.query().getQueryPattern())) {
                // Its sub-query reads all of the data whatever the VALUES: run once, for the focus
                // nodes (check). The one in ontology/shapes.ttl, SharedTermPolarityShape, is stated
                // both ways round: a position that makes a term both affirmed and negated is a row.
                continue;
            }
            for (Var var : ConstraintPlans.tripleVariables(constraint.query().getQueryPattern())) {
                List<Binding> values = new ArrayList<>();
                nodes.forEach(node -> values.add(BindingFactory.binding(var, node)));
                Query query = constraint.query().cloneQuery();
                ((ElementGroup) query.getQueryPattern()).getElements().add(0, new ElementData(List.of(var), values));
                try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                    RowSet rows = exec.select();
                    while (rows.hasNext()) {
                        Binding row = rows.next();
                        Node focus = row.get(THIS);
                        if (focus != null && isFocus(constraint, focus, targets)) {
                            violations.add(new Violation(constraint.shape(), focus, row.get(PATH), row.get(VALUE),
                                    message(constraint, row)));
                        }
                    }
                }
            }
        }
        return violations;
    }

    /** How one constraint's query is run for its focus nodes, its violations added to a list. */
    private interface Run {
        void run(Constraint constraint, List<Binding> focus, List<Violation> violations);
    }

    private List<Violation> check(Set<Node> candidates, Targets targets, Run run) {
        List<Violation> violations = new ArrayList<>();
        for (Constraint constraint : constraints) {
            List<Binding> focus = focusOf(constraint, candidates, targets);
            if (!focus.isEmpty()) {
                run.run(constraint, focus, violations);
            }
        }
        return violations;
    }

    private static List<Binding> focusOf(Constraint constraint, Set<Node> candidates, Targets targets) {
        List<Binding> focus = new ArrayList<>();
        for (Node candidate : candidates) {
            if (isFocus(constraint, candidate, targets)) {
                focus.add(BindingFactory.binding(THIS, candidate));
            }
        }
        return focus;
    }

    private static boolean isFocus(Constraint constraint, Node node, Targets targets) {
        return constraint.targetSubjectsOf().stream().anyMatch(p -> targets.isSubjectOf(node, p))
                || constraint.targetClasses().stream().anyMatch(c -> targets.isInstanceOf(node, c));
    }

    /** The constraint's query, with the focus nodes as VALUES unless it binds $this itself. */
    private static Query queryFor(Constraint constraint, List<Binding> focus) {
        if (constraint.bindsThis()) {
            return constraint.query();
        }
        Query query = constraint.query().cloneQuery();
        ConstraintPlans.bindThis(query.getQueryPattern(), focus);
        return query;
    }

    private void collect(Constraint constraint, List<Binding> focus, Iterator<Binding> rows, List<Violation> violations) {
        collect(constraint, focus, rows, violations, constraint.bindsThis());
    }

    /** The rows as violations; only those of the focus nodes where the query ran for all of the data. */
    private void collect(Constraint constraint, List<Binding> focus, Iterator<Binding> rows, List<Violation> violations,
                         boolean ranWhole) {
        Set<Node> focusNodes = ranWhole ? new HashSet<>() : Set.of();
        if (ranWhole) {
            focus.forEach(b -> focusNodes.add(b.get(THIS)));
        }
        while (rows.hasNext()) {
            Binding row = rows.next();
            if (ranWhole && !focusNodes.contains(row.get(THIS))) {
                continue;
            }
            violations.add(new Violation(constraint.shape(), row.get(THIS), row.get(PATH), row.get(VALUE),
                    message(constraint, row)));
        }
    }

    /**
     * Every focus node of the constraints' shapes in {@code data}, found through their targets: the
     * instances of a target class (its subclasses' too, as stated or entailed in {@code data}) and
     * the subjects of a targetSubjectsOf property.
     */
    Set<Node> focusNodes(Graph data) {
        Set<Node> nodes = new LinkedHashSet<>();
        for (Constraint constraint : constraints) {
            for (Node property : constraint.targetSubjectsOf()) {
                data.find(Node.ANY, property, Node.ANY).forEachRemaining(t -> nodes.add(t.getSubject()));
            }
            for (Node type : constraint.targetClasses()) {
                Set<Node> classes = new LinkedHashSet<>(List.of(type));
                List<Node> todo = new ArrayList<>(classes);
                while (!todo.isEmpty()) {
                    data.find(Node.ANY, SUBCLASS, todo.remove(todo.size() - 1)).forEachRemaining(t -> {
                        if (classes.add(t.getSubject())) {
                            todo.add(t.getSubject());
                        }
                    });
                }
                classes.forEach(c -> data.find(Node.ANY, TYPE, c).forEachRemaining(t -> nodes.add(t.getSubject())));
            }
        }
        return nodes;
    }

    /** The message with {?var} and {$var} replaced as Jena's SHACL engine does (literals by their words). */
    private static String message(Constraint constraint, Binding row) {
        if (constraint.message() == null) {
            return "SPARQL SELECT constraint for " + ShLib.displayStr(row.get(THIS)) + " returns row " + row;
        }
        String text = constraint.message();
        for (Iterator<Var> vars = row.vars(); vars.hasNext(); ) {
            Var var = vars.next();
            Node value = row.get(var);
            String shown = value.isLiteral() ? value.getLiteralLexicalForm() : ShLib.displayStr(value);
            text = text.replaceAll("\\{[?$]" + java.util.regex.Pattern.quote(var.getVarName()) + "\\}",
                    Matcher.quoteReplacement(shown));
        }
        return text;
    }
}
