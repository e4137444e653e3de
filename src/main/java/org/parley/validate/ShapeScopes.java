package org.parley.validate;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The shapes split by what they need to see. Most rules are about one report (with the shared
 * graphs it refers to) and are checked report by report at load time; a few compare reports with
 * each other and are marked so in ontology/shapes.ttl ({@code shapes:acrossReports true}): a load
 * checks those over the stored knowledge base. Each rule stays written once, in the shapes file;
 * a shape is left out of a scope by dropping its targets, so it is parsed but applied to nothing.
 */
public final class ShapeScopes {

    public static final String SHAPES_NS = "https://w3id.org/parley/shapes#";
    /** The mark of a shape whose rule compares reports with each other. */
    public static final Node ACROSS_REPORTS = NodeFactory.createURI(SHAPES_NS + "acrossReports");

    private static final List<Node> TARGETS = List.of(SHACL.targetClass, SHACL.targetNode, SHACL.targetSubjectsOf,
            SHACL.targetObjectsOf, SHACL.target);

    private ShapeScopes() {
    }

    /** The rules about one report: every shape but those marked across reports. */
    public static Shapes perReport(Graph shapesGraph) {
        return Shapes.parse(keepingTargetsOf(shapesGraph, false));
    }

    /**
     * The rules about one report split for speed: the SHACL Core constraints, for Jena's engine, and
     * the SPARQL constraints, evaluated for all of a report's resources at once ({@link SparqlConstraints}).
     */
    record PerReport(Shapes core, SparqlConstraints sparql) {
    }

    static PerReport perReportSplit(Graph shapesGraph) {
        return split(keepingTargetsOf(shapesGraph, false));
    }

    /** Every rule, whatever its scope, split the same way. */
    static PerReport allSplit(Graph shapesGraph) {
        return split(shapesGraph);
    }

    /** The rules across reports, split the same way. */
    static PerReport acrossReportsSplit(Graph shapesGraph) {
        return split(keepingTargetsOf(shapesGraph, true));
    }

    private static PerReport split(Graph perReport) {
        Graph core = GraphFactory.createDefaultGraph();
        core.getPrefixMapping().setNsPrefixes(perReport.getPrefixMapping());
        perReport.find().forEachRemaining(t -> {
            if (!t.getPredicate().equals(SHACL.sparql)) {
                core.add(t);
            }
        });
        return new PerReport(Shapes.parse(core), SparqlConstraints.of(perReport));
    }

    /** The rules that compare reports: only the shapes marked across reports. */
    public static Shapes acrossReports(Graph shapesGraph) {
        return Shapes.parse(keepingTargetsOf(shapesGraph, true));
    }

    /** Whether the shapes file marks any rule as comparing reports. */
    public static boolean hasRulesAcrossReports(Graph shapesGraph) {
        return !markedShapes(shapesGraph).isEmpty();
    }

    private static Graph keepingTargetsOf(Graph shapesGraph, boolean marked) {
        Set<Node> markedShapes = markedShapes(shapesGraph);
        Graph copy = GraphFactory.createDefaultGraph();
        copy.getPrefixMapping().setNsPrefixes(shapesGraph.getPrefixMapping());
        shapesGraph.find().forEachRemaining(triple -> {
            boolean isTarget = TARGETS.contains(triple.getPredicate());
            if (!isTarget || markedShapes.contains(triple.getSubject()) == marked) {
                copy.add(triple);
            }
        });
        return copy;
    }

    private static Set<Node> markedShapes(Graph shapesGraph) {
        return shapesGraph.find(Node.ANY, ACROSS_REPORTS, Node.ANY).toList().stream()
                .filter(t -> t.getObject().isLiteral() && "true".equals(t.getObject().getLiteralLexicalForm()))
                .map(Triple::getSubject)
                .collect(Collectors.toSet());
    }
}
