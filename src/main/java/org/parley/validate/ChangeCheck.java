package org.parley.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.vocabulary.RDF;

/**
 * The shapes (all of ontology/shapes.ttl, both scopes) checked for the resources a change to a
 * stored knowledge base touched, each looked up in the whole of it: what a served knowledge base
 * checks before an update commits, in time proportional to the change rather than to the
 * knowledge base. The knowledge base was valid before the change (it was loaded or updated
 * through these checks), so a violation after it must involve a changed triple; every violation
 * found is one the whole check would find too.
 *
 * <p>Which resources ({@link #focusOf}): for every added or deleted triple {@code s p o},
 * <ul>
 * <li>{@code s}, whose own description changed, and {@code o} if it is a resource (not the class of
 *     an {@code rdf:type} triple): the rules about a resource's own properties and about what
 *     points at it (a proposal named by a claim's {@code aboutProposal});</li>
 * <li>every resource that points at {@code s}: the rules that read a value's description (its
 *     class for {@code sh:class}, an excerpt's words for {@code sh:node} and the fidelity rules, a
 *     party's or speaker's labels, a content's obliged party);</li>
 * <li>every resource {@code s} points at: the rules read from the other end (a proposal whose
 *     describing claim lost its excerpt).</li>
 * </ul>
 * The SPARQL rules that compare reports ({@code shapes:acrossReports}) are in addition run with each
 * variable of their pattern bound to the touched resources ({@code s} and {@code o}), so that a
 * violation is found at a resource the change did not touch (a new position whose content is a
 * term of another report's proposal breaks that proposal's rule).
 *
 * <p>Not followed: a chain of more than one step that a rule reads only inside a FILTER NOT EXISTS
 * (a speaker who acts for the party through two {@code parley:actsFor} links, one of them deleted);
 * and the class hierarchy, which is the ontology's: a change to the ontology or to the shared
 * entailments must be checked whole (the caller decides; docs/scaling.md).
 */
public final class ChangeCheck {

    private static final Node TYPE = RDF.type.asNode();

    /** A broken rule: the resource, the property it is about (or null), and the message. */
    public record Violation(Node focus, String path, String message) {
    }

    /**
     * The resources to check after a change.
     *
     * @param resources the focus nodes, checked against every shape that targets them
     * @param touched   the subjects and resource objects of the changed triples, which the rules
     *                  across reports are also run from
     */
    public record Focus(Set<Node> resources, Set<Node> touched) {
    }

    private final ShapeScopes.PerReport all;
    private final ShapeScopes.PerReport across;

    public ChangeCheck(Graph shapesGraph) {
        this.all = ShapeScopes.allSplit(shapesGraph);
        this.across = ShapeScopes.acrossReportsSplit(shapesGraph);
    }

    /**
     * The resources to check after the triples {@code changed} were added or deleted (either; a
     * triple both added and deleted may be given once), looked up in {@code data}, the knowledge base
     * after the change (the union of its graphs).
     */
    public static Focus focusOf(Graph data, Collection<Triple> changed) {
        Set<Node> subjects = new LinkedHashSet<>();
        Set<Node> touched = new LinkedHashSet<>();
        for (Triple triple : changed) {
            subjects.add(triple.getSubject());
            touched.add(triple.getSubject());
            Node object = triple.getObject();
            if (!object.isLiteral() && !triple.getPredicate().equals(TYPE)) {
                touched.add(object);
            }
        }
        Set<Node> resources = new LinkedHashSet<>(touched);
        for (Node subject : subjects) {
            data.find(Node.ANY, Node.ANY, subject).forEachRemaining(t -> resources.add(t.getSubject()));
            data.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (!t.getObject().isLiteral() && !t.getPredicate().equals(TYPE)) {
                    resources.add(t.getObject());
                }
            });
        }
        return new Focus(resources, touched);
    }

    /**
     * The violations of the shapes by the focus's resources, and of the rules across reports in
     * which a touched resource takes part, in {@code dataset}, whose default graph is the union of
     * its named graphs (the SPARQL rules run over it, so that TDB2 answers them from its indexes).
     */
    public List<Violation> check(DatasetGraph dataset, Focus focus) {
        Graph data = dataset.getDefaultGraph();
        List<Violation> violations = new ArrayList<>();
        List<Node> resources = focus.resources().stream().filter(node -> !node.isLiteral()).toList();
        for (ReportEntry entry : ShaclCheck.coreViolations(all.core(), data, resources, Targets.in(data))) {
            String path = entry.resultPath() == null ? null : PathWriter.asString(entry.resultPath());
            violations.add(new Violation(entry.focusNode(), path, entry.message()));
        }
        List<SparqlConstraints.Violation> found = new ArrayList<>(all.sparql().checkFew(dataset, data, focus.resources()));
        found.addAll(across.sparql().checkInvolving(dataset, data, focus.touched()));
        Set<Violation> distinct = new LinkedHashSet<>();
        for (SparqlConstraints.Violation v : found) {
            String path = v.path() == null ? null : PathWriter.asString(new P_Link(v.path()));
            distinct.add(new Violation(v.focus(), path, v.message()));
        }
        violations.addAll(distinct);
        return violations;
    }
}
