package org.parley.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Set;

import org.apache.jena.graph.Graph;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;

/**
 * SHACL conformance (ontology/shapes.ttl) of the ontology and all the data taken together, so that
 * shapes targeting a class also reach instances of its subclasses.
 */
public final class ShaclCheck implements ProjectCheck {

    public static final String RULE = "shacl";
    public static final String SHAPES_RULE = "shacl-shapes";

    private static final String SHAPES_FILE = "ontology/shapes.ttl";

    @Override
    public List<Problem> check(ParsedProject project) {
        try {
            return project.checksAll() ? checkAll(project) : checkReport(project);
        } catch (ShaclParseException badShapes) {
            return List.of(Problem.error(SHAPES_FILE, SHAPES_RULE, "the shapes are not valid SHACL: "
                    + badShapes.getMessage(), "fix the shape named in the message"));
        }
    }

    private List<Problem> checkAll(ParsedProject project) {
        Shapes shapes = parsed(project.shapes());
        ResourceNames names = new ResourceNames(project);
        List<Problem> problems = new ArrayList<>();
        ShaclValidator.get().validate(shapes, project.union()).getEntries()
                .forEach(entry -> problems.add(toProblem(entry, names, project)));
        return problems;
    }

    /**
     * One report with the shared graphs it refers to: its own resources are the focus nodes (the
     * shared ones were validated once, on their own), looked up in all of them.
     */
    private List<Problem> checkReport(ParsedProject project) {
        ShapeScopes.PerReport shapes = perReport(project.shapes());
        Graph data = project.union();
        ResourceNames names = new ResourceNames(project);
        List<Problem> problems = new ArrayList<>();
        Set<Node> focus = subjectsOf(project.checkedGraphs().values());
        Targets targets = Targets.in(data, project.checkedGraphs().values(), superClasses(project.context()));
        coreViolations(shapes.core(), data, focus, targets)
                .forEach(entry -> problems.add(toProblem(entry, names, project)));
        for (SparqlConstraints.Violation v : shapes.sparql().check(data, focus, targets)) {
            Path path = v.path() == null ? null : org.apache.jena.sparql.path.PathFactory.pathLink(v.path());
            problems.add(toProblem(v.focus(), path, v.value(), v.message(), v.shape(), true, names, project));
        }
        return problems;
    }

    /** The shapes, parsed once per shapes graph (a graph's equals is identity; dropped with the graph). */
    private static Shapes parsed(Graph shapesGraph) {
        synchronized (WHOLE) {
            return WHOLE.computeIfAbsent(shapesGraph, Shapes::parse);
        }
    }

    /** The same for one report's rules: a load checks thousands of reports against one shapes graph. */
    private static ShapeScopes.PerReport perReport(Graph shapesGraph) {
        synchronized (PER_REPORT) {
            return PER_REPORT.computeIfAbsent(shapesGraph, ShapeScopes::perReportSplit);
        }
    }

    /** The class hierarchy of the shared graphs, worked out once for all the reports checked with them. */
    private static Map<Node, Set<Node>> superClasses(Graph context) {
        if (context == null) {
            return Targets.sharedSuperClasses();
        }
        synchronized (SUPERCLASSES) {
            return SUPERCLASSES.computeIfAbsent(context, c -> Targets.sharedSuperClasses());
        }
    }

    private static final Map<Graph, Shapes> WHOLE = new WeakHashMap<>();
    private static final Map<Graph, ShapeScopes.PerReport> PER_REPORT = new WeakHashMap<>();
    private static final Map<Graph, Map<Node, Set<Node>>> SUPERCLASSES = new WeakHashMap<>();

    /**
     * SHACL Core results for the given resources only, each validated against the shapes that target
     * it, looked up in all of {@code data}: what Jena's engine does for one node at a time, with the
     * targets read through {@link Targets} (the class hierarchy walked once, not per node and shape).
     */
    static Collection<ReportEntry> coreViolations(Shapes shapes, Graph data, Collection<Node> focus, Targets targets) {
        ValidationContext context = ValidationContext.create(shapes, data);
        for (Node node : focus) {
            for (Shape shape : shapes.getTargetShapes()) {
                if (shape.getTargets().stream().anyMatch(target -> targets.isFocus(target, node))) {
                    VLib.validateShape(context, data, shape, node);
                }
            }
        }
        return context.generateReport().getEntries();
    }

    private static Set<Node> subjectsOf(Collection<Graph> graphs) {
        Set<Node> subjects = new LinkedHashSet<>();
        graphs.forEach(graph -> graph.find().forEachRemaining(triple -> subjects.add(triple.getSubject())));
        return subjects;
    }

    private static Problem toProblem(ReportEntry entry, ResourceNames names, ParsedProject project) {
        boolean violation = org.apache.jena.shacl.validation.Severity.Violation.equals(entry.severity());
        return toProblem(entry.focusNode(), entry.resultPath(), entry.value(), entry.message(), entry.source(), violation,
                names, project);
    }

    private static Problem toProblem(Node focus, Path path, Node value, String text, Node shape, boolean violation,
                                     ResourceNames names, ParsedProject project) {
        String onPath = path == null ? "" : PathWriter.asString(path, new Prologue(project.prefixes())) + ": ";
        String message = onPath + text;
        String hint = "see shape " + shapeName(shape, project, names) + " in " + SHAPES_FILE;
        // The line of the offending triple where the result names one, else where the focus node is described.
        String location = path instanceof P_Link link && value != null
                ? names.locate(Triple.create(focus, link.getNode(), value))
                : names.locate(focus);
        return violation
                ? Problem.error(location, RULE, message, hint)
                : Problem.warning(location, RULE, message, hint);
    }

    /** A shape's IRI, or for a blank node property shape the named shape it belongs to. */
    private static String shapeName(Node shape, ParsedProject project, ResourceNames names) {
        if (shape == null) {
            return "(unknown)";
        }
        if (!shape.isBlank()) {
            return shortForm(shape, project.shapes().getPrefixMapping());
        }
        List<Triple> owners = project.shapes().find(Node.ANY, Node.ANY, shape).toList();
        if (owners.isEmpty()) {
            return "[ ] (a blank node shape)";
        }
        Triple owner = owners.get(0);
        return "[ ] (the " + shortForm(owner.getPredicate(), project.shapes().getPrefixMapping()) + " of "
                + shapeName(owner.getSubject(), project, names) + ")";
    }

    private static String shortForm(Node iri, PrefixMapping prefixes) {
        String shortForm = prefixes.shortForm(iri.getURI());
        return shortForm.equals(iri.getURI()) ? "<" + iri.getURI() + ">" : shortForm;
    }
}
