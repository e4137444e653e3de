package org.parley.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;

/**
 * The rules that compare reports with each other ({@link ShapeScopes#acrossReports}), checked over
 * a stored knowledge base: all of it after a full load, or only the resources of the reports just
 * added (the rules are stated both ways round, so that is enough to find every pair they make with
 * what was stored before).
 */
public final class AcrossReports {

    public static final String RULE = ShaclCheck.RULE;

    private final Shapes shapes;

    public AcrossReports(Graph shapesGraph) {
        this.shapes = ShapeScopes.acrossReports(shapesGraph);
    }

    /**
     * Problems of the whole {@code data} (the union of a knowledge base's graphs).
     *
     * @param locate where a resource is described, for messages (e.g. {@code data/003_x.ttl <iri>})
     */
    public List<Problem> check(Graph data, Function<Node, String> locate) {
        List<Problem> problems = new ArrayList<>();
        ShaclValidator.get().validate(shapes, data).getEntries().forEach(e -> problems.add(toProblem(e, locate)));
        return problems;
    }

    /** Problems of the given resources only, looked up in all of {@code data}. */
    public List<Problem> check(Graph data, Iterable<Node> focusNodes, Function<Node, String> locate) {
        List<Problem> problems = new ArrayList<>();
        for (Node focus : focusNodes) {
            ShaclValidator.get().validate(shapes, data, focus).getEntries().forEach(e -> problems.add(toProblem(e, locate)));
        }
        return problems;
    }

    private static Problem toProblem(ReportEntry entry, Function<Node, String> locate) {
        return Problem.error(locate.apply(entry.focusNode()), RULE, entry.message(),
                "a rule across reports in ontology/shapes.ttl (shapes:acrossReports)");
    }
}
