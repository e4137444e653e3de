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
import org.apache.jena.shacl.validation.ReportEntry;
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
        Shapes shapes;
        try {
            shapes = parsed(project.shapes(), project.checksAll());
        } catch (ShaclParseException badShapes) {
            return List.of(Problem.error(SHAPES_FILE, SHAPES_RULE, "the shapes are not valid SHACL: "
                    + badShapes.getMessage(), "fix the shape named in the message"));
        }
        Graph data = project.union();
        ResourceNames names = new ResourceNames(project);
        List<Problem> problems = new ArrayList<>();
        if (project.checksAll()) {
            ShaclValidator.get().validate(shapes, data).getEntries().forEach(entry -> problems.add(toProblem(entry, names, project)));
        } else {
            // One report with the shared graphs it refers to: its own resources are the focus nodes
            // (the shared ones were validated once, on their own), looked up in all of them.
            for (Node focus : subjectsOf(project.checkedGraphs().values())) {
                ShaclValidator.get().validate(shapes, data, focus).getEntries()
                        .forEach(entry -> problems.add(toProblem(entry, names, project)));
            }
        }
        return problems;
    }

    /**
     * The shapes, parsed once per shapes graph: a load checks thousands of reports against the same
     * one. One report at a time gets the rules about one report ({@link ShapeScopes}); the rules
     * across reports are checked over the stored whole.
     */
    private static Shapes parsed(Graph shapesGraph, boolean wholeProject) {
        Map<Graph, Shapes> cache = wholeProject ? WHOLE : PER_REPORT;
        synchronized (cache) {
            return cache.computeIfAbsent(shapesGraph,
                    g -> wholeProject ? Shapes.parse(g) : ShapeScopes.perReport(g));
        }
    }

    /** Keyed by the graph object itself (a graph's equals is identity); dropped with the graph. */
    private static final Map<Graph, Shapes> WHOLE = new WeakHashMap<>();
    private static final Map<Graph, Shapes> PER_REPORT = new WeakHashMap<>();

    private static Set<Node> subjectsOf(Collection<Graph> graphs) {
        Set<Node> subjects = new LinkedHashSet<>();
        graphs.forEach(graph -> graph.find().forEachRemaining(triple -> subjects.add(triple.getSubject())));
        return subjects;
    }

    private static Problem toProblem(ReportEntry entry, ResourceNames names, ParsedProject project) {
        Path path = entry.resultPath();
        String onPath = path == null ? "" : PathWriter.asString(path, new Prologue(project.prefixes())) + ": ";
        String message = onPath + entry.message();
        String hint = "see shape " + shapeName(entry.source(), project, names) + " in " + SHAPES_FILE;
        String location = names.locate(entry.focusNode());
        boolean violation = org.apache.jena.shacl.validation.Severity.Violation.equals(entry.severity());
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
