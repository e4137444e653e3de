package org.parley.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.shacl.ShaclValidator;

/**
 * The rules that compare reports with each other ({@link ShapeScopes#acrossReports}), checked over
 * a stored knowledge base: all of it after a full load, or only the resources of the reports just
 * added (the rules are stated both ways round, so that is enough to find every pair they make with
 * what was stored before).
 */
public final class AcrossReports {

    public static final String RULE = ShaclCheck.RULE;

    private final ShapeScopes.PerReport shapes;

    public AcrossReports(Graph shapesGraph) {
        this.shapes = ShapeScopes.acrossReportsSplit(shapesGraph);
    }

    /**
     * Problems of the whole {@code dataset}, whose default graph is the union of a knowledge base's
     * graphs, entailments included: every focus node of the rules, found through their targets.
     * The SHACL Core rules read what the graphs state ({@link StatedTriples}), as {@code validate}
     * does; the SPARQL rules run in the store's own engine over the union default graph.
     *
     * @param locate where a resource is described, for messages (e.g. {@code data/003_x.ttl <iri>})
     */
    public List<Problem> check(DatasetGraph dataset, Function<Node, String> locate) {
        Graph data = new StatedTriples(dataset);
        List<Problem> problems = new ArrayList<>();
        ShaclValidator.get().validate(shapes.core(), data).getEntries()
                .forEach(e -> problems.add(problem(e.focusNode(), e.message(), locate)));
        for (SparqlConstraints.Violation v : shapes.sparql().check(dataset, data, shapes.sparql().focusNodes(data))) {
            problems.add(problem(v.focus(), v.message(), locate));
        }
        return problems;
    }

    /** Problems of the given resources only, looked up in all of {@code data}. */
    public List<Problem> check(DatasetGraph dataset, Iterable<Node> focusNodes, Function<Node, String> locate) {
        Graph data = new StatedTriples(dataset);
        Set<Node> focus = new LinkedHashSet<>();
        focusNodes.forEach(focus::add);
        List<Problem> problems = new ArrayList<>();
        ShaclCheck.coreViolations(shapes.core(), data, focus, Targets.in(data))
                .forEach(e -> problems.add(problem(e.focusNode(), e.message(), locate)));
        // The rules for those resources, each query given them as VALUES (not run over everything);
        // and the rows in which they take part whatever the focus node (a proposal of another report
        // whose term one of them has as content).
        Set<SparqlConstraints.Violation> found = new LinkedHashSet<>(shapes.sparql().checkFew(dataset, data, focus));
        found.addAll(shapes.sparql().checkInvolving(dataset, data, focus));
        for (SparqlConstraints.Violation v : found) {
            problems.add(problem(v.focus(), v.message(), locate));
        }
        return problems;
    }

    private static Problem problem(Node focus, String message, Function<Node, String> locate) {
        return Problem.error(locate.apply(focus), RULE, message,
                "a rule across reports in ontology/shapes.ttl (shapes:acrossReports)");
    }
}
