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
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.Table;
import org.apache.jena.sparql.algebra.TableFactory;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpTable;
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
     *                  ({@link #bindsThisInAPattern}): then it runs as written and its rows are kept
     *                  for the focus nodes only
     * @param plan      its algebra, optimised once: as written, or with {@link #PLACEHOLDER} focus
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
        List<Constraint> constraints = new ArrayList<>();
        for (Triple sparql : shapes.find(Node.ANY, SHACL.sparql, Node.ANY).toList()) {
            Node shape = sparql.getSubject();
            Node constraint = sparql.getObject();
            Set<Node> classes = objects(shapes, shape, SHACL.targetClass);
            Set<Node> subjectsOf = objects(shapes, shape, SHACL.targetSubjectsOf);
            if (classes.isEmpty() && subjectsOf.isEmpty()) {
                continue;
            }
            if (objects(shapes, constraint, SHACL.deactivated).stream().anyMatch(n -> "true".equals(lexical(n)))) {
                continue;
            }
            Node select = one(shapes, constraint, SHACL.select);
            if (select == null) {
                continue;
            }
            StringBuilder prefixes = new StringBuilder();
            for (Node declarer : objects(shapes, constraint, SHACL.prefixes)) {
                for (Node declaration : objects(shapes, declarer, SHACL.declare)) {
                    prefixes.append("PREFIX ").append(lexical(one(shapes, declaration, SHACL.prefix))).append(": <")
                            .append(lexical(one(shapes, declaration, SHACL.namespace))).append(">\n");
                }
            }
            Query query = QueryFactory.create(prefixes + lexical(select), Syntax.syntaxARQ);
            Node message = one(shapes, constraint, SHACL.message);
            boolean bindsThis = bindsThisInAPattern(query.getQueryPattern());
            constraints.add(new Constraint(shape, classes, subjectsOf, query, message == null ? null : lexical(message),
                    bindsThis, plan(query, bindsThis)));
        }
        return new SparqlConstraints(constraints);
    }

    /**
     * The violations of the constraints by those of {@code candidates} that are focus nodes of their
     * shapes, every query run over {@code data} (in memory: one report with the shared graphs) from
     * its plan made once, so that checking thousands of reports does not parse, compile and optimise
     * every query thousands of times.
     */
    List<Violation> check(Graph data, Set<Node> candidates) {
        return check(data, candidates, Targets.in(data));
    }

    /** The same, focus nodes found with {@code targets} (whose class hierarchy may be shared). */
    List<Violation> check(Graph data, Set<Node> candidates, Targets targets) {
        ExecutionContext context = ExecutionContext.createForGraph(data);
        List<Violation> violations = new ArrayList<>();
        for (Constraint constraint : constraints) {
            List<Binding> focus = focusOf(constraint, candidates, targets);
            if (focus.isEmpty()) {
                continue;
            }
            Op plan = constraint.plan() == null ? null
                    : constraint.bindsThis() ? constraint.plan() : withFocus(constraint.plan(), focus);
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
        }
        return violations;
    }

    /**
     * The same, the queries run over {@code dataset} (whose default graph is {@code data}): over a
     * TDB2 database, so that TDB2's own engine plans and answers them from its indexes.
     */
    List<Violation> check(org.apache.jena.sparql.core.DatasetGraph dataset, Graph data, Set<Node> candidates) {
        Targets targets = Targets.in(data);
        List<Violation> violations = new ArrayList<>();
        for (Constraint constraint : constraints) {
            List<Binding> focus = focusOf(constraint, candidates, targets);
            if (focus.isEmpty()) {
                continue;
            }
            try (QueryExec exec = QueryExec.dataset(dataset).query(queryFor(constraint, focus)).build()) {
                collect(constraint, focus, exec.select(), violations);
            }
        }
        return violations;
    }

    private static List<Binding> focusOf(Constraint constraint, Set<Node> candidates, Targets targets) {
        List<Binding> focus = new ArrayList<>();
        for (Node candidate : candidates) {
            if (constraint.targetSubjectsOf().stream().anyMatch(p -> targets.isSubjectOf(candidate, p))
                    || constraint.targetClasses().stream().anyMatch(c -> targets.isInstanceOf(candidate, c))) {
                focus.add(BindingFactory.binding(THIS, candidate));
            }
        }
        return focus;
    }

    /** The constraint's query, with the focus nodes as VALUES unless it binds $this itself. */
    private static Query queryFor(Constraint constraint, List<Binding> focus) {
        if (constraint.bindsThis()) {
            return constraint.query();
        }
        Query query = constraint.query().cloneQuery();
        bindThis(query.getQueryPattern(), focus);
        return query;
    }

    private void collect(Constraint constraint, List<Binding> focus, Iterator<Binding> rows, List<Violation> violations) {
        Set<Node> focusNodes = constraint.bindsThis() ? new HashSet<>() : Set.of();
        if (constraint.bindsThis()) {
            focus.forEach(b -> focusNodes.add(b.get(THIS)));
        }
        while (rows.hasNext()) {
            Binding row = rows.next();
            if (constraint.bindsThis() && !focusNodes.contains(row.get(THIS))) {
                continue;
            }
            violations.add(new Violation(constraint.shape(), row.get(THIS), row.get(PATH), row.get(VALUE),
                    message(constraint, row)));
        }
    }

    /**
     * Focus nodes that stand in for the real ones while a query is planned: two, so that no
     * optimisation meant for a single value applies.
     */
    private static final List<Binding> PLACEHOLDER = List.of(
            BindingFactory.binding(THIS, NodeFactory.createURI("urn:parley:validate:focus-placeholder:1")),
            BindingFactory.binding(THIS, NodeFactory.createURI("urn:parley:validate:focus-placeholder:2")));

    /**
     * The constraint's algebra, optimised once: as written where it binds $this itself, else with
     * {@link #PLACEHOLDER} VALUES blocks, or null if the optimiser changed them (every placeholder
     * must still be in a VALUES table of its own, to be swapped whole for the real focus nodes).
     */
    private static Op plan(Query query, boolean bindsThis) {
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
    private static Op withFocus(Op plan, List<Binding> focus) {
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
    private static boolean bindsThisInAPattern(Element where) {
        if (!(where instanceof ElementGroup group)) {
            return false;
        }
        for (Element part : group.getElements()) {
            if (part instanceof org.apache.jena.sparql.syntax.ElementPathBlock block
                    && block.toString().contains("?" + THIS.getVarName())) {
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
    private static void bindThis(Element element, List<Binding> focus) {
        if (element instanceof ElementGroup group) {
            for (Element part : group.getElements()) {
                bindThis(part, focus);
            }
            if (group.toString().contains("?" + THIS.getVarName())) {
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
        } else if (element instanceof ElementSubQuery sub && sub.toString().contains("?" + THIS.getVarName())) {
            // A sub-query that does not mention $this (a grouping over all the data) is evaluated
            // once either way; one that does would need pre-binding inside it.
            throw new IllegalArgumentException("a SPARQL constraint whose sub-query uses $this cannot be checked for many nodes at once");
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

    private static Set<Node> objects(Graph g, Node subject, Node property) {
        Set<Node> objects = new LinkedHashSet<>();
        g.find(subject, property, Node.ANY).forEachRemaining(t -> objects.add(t.getObject()));
        return objects;
    }

    private static Node one(Graph g, Node subject, Node property) {
        Iterator<Triple> it = g.find(subject, property, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String lexical(Node node) {
        return node == null ? "" : node.isLiteral() ? node.getLiteralLexicalForm() : node.getURI();
    }
}
