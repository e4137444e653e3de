package org.parley.validate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.shacl.vocabulary.SHACL;

/** The SHACL-SPARQL constraints (sh:sparql with sh:select) of a shapes graph, read for {@link SparqlConstraints}. */
final class ConstraintsOfShapes {

    private ConstraintsOfShapes() {
    }

    /** The constraints of every shape with a class or subjects-of target in the shapes graph. */
    static List<SparqlConstraints.Constraint> read(Graph shapes) {
        List<SparqlConstraints.Constraint> constraints = new ArrayList<>();
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
            boolean bindsThis = ConstraintPlans.bindsThisInAPattern(query.getQueryPattern());
            constraints.add(new SparqlConstraints.Constraint(shape, classes, subjectsOf, query, message == null ? null : lexical(message),
                    bindsThis, ConstraintPlans.plan(query, bindsThis)));
        }
        return constraints;
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
