package org.parley.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Whether a resource is a focus node of a SHACL target, read as SHACL reads it (a class target
 * reaches instances of its subclasses: {@code rdf:type/rdfs:subClassOf*}), with each class's
 * superclasses worked out once instead of once per resource and shape. Checking one report asks
 * this for every resource and every shape: walking the class hierarchy each time was a third of
 * the SHACL Core time of a load.
 *
 * <p>The superclasses can be shared between the reports checked against the same shared graphs
 * ({@link #sharedSuperClasses}), as long as a report adds no {@code rdfs:subClassOf} of its own;
 * one that does gets a hierarchy of its own.
 */
final class Targets {

    private static final Node TYPE = RDF.type.asNode();
    private static final Node SUBCLASS = RDFS.subClassOf.asNode();

    private final Graph data;
    private final Map<Node, Set<Node>> superClasses;
    private final Map<Node, Set<Node>> typesOf = new HashMap<>();

    private Targets(Graph data, Map<Node, Set<Node>> superClasses) {
        this.data = data;
        this.superClasses = superClasses;
    }

    /** Targets looked up in {@code data}, the class hierarchy worked out from it as needed. */
    static Targets in(Graph data) {
        return new Targets(data, new HashMap<>());
    }

    /**
     * Targets looked up in {@code data}, a report's graphs over shared graphs whose class hierarchy
     * is memoised in {@code shared} (see {@link #sharedSuperClasses}) unless the report's own graphs
     * state subclasses.
     */
    static Targets in(Graph data, Collection<Graph> ownGraphs, Map<Node, Set<Node>> shared) {
        boolean ownHierarchy = ownGraphs.stream().anyMatch(g -> g.find(Node.ANY, SUBCLASS, Node.ANY).hasNext());
        return new Targets(data, ownHierarchy ? new HashMap<>() : shared);
    }

    /** A memo of superclasses to share between checks against the same shared graphs (thread-safe). */
    static Map<Node, Set<Node>> sharedSuperClasses() {
        return new ConcurrentHashMap<>();
    }

    /** Whether {@code node} is a focus node of {@code target}. */
    boolean isFocus(Target target, Node node) {
        return switch (target.getTargetType()) {
            case targetClass, implicitClass -> isInstanceOf(node, target.getObject());
            case targetNode -> target.getObject().equals(node);
            case targetSubjectsOf -> isSubjectOf(node, target.getObject());
            case targetObjectsOf -> data.contains(Node.ANY, target.getObject(), node);
            // SHACL-AF targets and anything newer: as Jena's engine reads them.
            default -> VLib.isFocusNode(target, node, data);
        };
    }

    /** Whether {@code node} is an instance of {@code type} or of one of its subclasses. */
    boolean isInstanceOf(Node node, Node type) {
        return !node.isLiteral() && typesOf(node).contains(type);
    }

    /** Whether {@code node} is the subject of a {@code property} triple. */
    boolean isSubjectOf(Node node, Node property) {
        return data.contains(node, property, Node.ANY);
    }

    /** The stated types of {@code node} and all their superclasses. */
    private Set<Node> typesOf(Node node) {
        return typesOf.computeIfAbsent(node, n -> {
            Set<Node> all = new LinkedHashSet<>();
            data.find(n, TYPE, Node.ANY).forEachRemaining(t -> {
                all.add(t.getObject());
                all.addAll(superClassesOf(t.getObject()));
            });
            return all;
        });
    }

    private Set<Node> superClassesOf(Node type) {
        Set<Node> known = superClasses.get(type);
        if (known != null) {
            return known;
        }
        Set<Node> all = new LinkedHashSet<>();
        List<Node> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            data.find(todo.remove(todo.size() - 1), SUBCLASS, Node.ANY).mapWith(Triple::getObject).forEachRemaining(c -> {
                if (all.add(c)) {
                    todo.add(c);
                }
            });
        }
        superClasses.put(type, all);
        return all;
    }
}
