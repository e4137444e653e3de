package org.parley.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.shacl.validation.ReportEntry;
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
        Shapes shapes;
        try {
            shapes = Shapes.parse(project.shapes());
        } catch (ShaclParseException badShapes) {
            return List.of(Problem.error(SHAPES_FILE, SHAPES_RULE, "the shapes are not valid SHACL: "
                    + badShapes.getMessage(), "fix the shape named in the message"));
        }
        org.apache.jena.shacl.ValidationReport report = ShaclValidator.get().validate(shapes, project.union());
        ResourceNames names = new ResourceNames(project);
        List<Problem> problems = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            problems.add(toProblem(entry, names, project));
        }
        return problems;
    }

    private static Problem toProblem(ReportEntry entry, ResourceNames names, ParsedProject project) {
        Path path = entry.resultPath();
        String onPath = path == null ? "" : PathWriter.asString(path, new Prologue(project.prefixes())) + ": ";
        String message = onPath + entry.message();
        String hint = "see shape " + shapeName(entry.source(), project, names) + " in " + SHAPES_FILE;
        // The line of the offending triple where the result names one, else where the focus node is described.
        String location = path instanceof P_Link link && entry.value() != null
                ? names.locate(Triple.create(entry.focusNode(), link.getNode(), entry.value()))
                : names.locate(entry.focusNode());
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
