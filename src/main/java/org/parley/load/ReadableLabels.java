package org.parley.load;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.parley.validate.OntologyTerms;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * Readable rdfs:labels, made at load time for what the files leave unlabelled, so that every
 * resource a user can reach (in the web UI, Protégé, an export) has a name: a claim is named by
 * what it says and where ("Hamas demand: permanent ceasefire (report 003, c003-05)"; two claims
 * can say the same, so the claim's own name ends it), built from the labels
 * of its parts; a SKOS concept with only a skos:prefLabel (the CAMEO codes) gets it as rdfs:label.
 * Nothing is invented: every word comes from a label or a term of the data, and a claim whose parts
 * have no label is named by its kind and report. The labels go with the entailments.
 */
public final class ReadableLabels {

    private static final Node LABEL = RDFS.label.asNode();
    private static final Node TYPE = RDF.type.asNode();

    private ReadableLabels() {
    }

    /** Label triples for the unlabelled claims and concepts of {@code union} (ontology and data). */
    public static Graph of(Graph ontology, Graph union) {
        return of(ontology, union, union);
    }

    /**
     * Label triples for the unlabelled claims and concepts described in {@code scope} (one report's
     * graph), their parts' labels looked up in {@code lookup} (the scope with the shared graphs).
     */
    public static Graph of(Graph ontology, Graph lookup, Graph scope) {
        Graph labels = GraphFactory.createDefaultGraph();
        Set<Node> claimClasses = new OntologyTerms(ontology).claimClasses();
        // A claim's kind is stated in its own graph (ClaimShape: exactly one concrete kind), so the
        // scope's rdf:type triples find its claims.
        for (Node claimClass : claimClasses) {
            for (Iterator<Triple> it = scope.find(Node.ANY, TYPE, claimClass); it.hasNext(); ) {
                Node claim = it.next().getSubject();
                if (claim.isURI() && !lookup.find(claim, LABEL, Node.ANY).hasNext() && !labels.find(claim, LABEL, Node.ANY).hasNext()) {
                    labels.add(claim, LABEL, NodeFactory.createLiteralLang(claimLabel(lookup, claim, claimClass), "en"));
                }
            }
        }
        scope.find(Node.ANY, SKOS.prefLabel.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && !lookup.find(t.getSubject(), LABEL, Node.ANY).hasNext()
                    && !labels.find(t.getSubject(), LABEL, Node.ANY).hasNext()) {
                labels.add(t.getSubject(), LABEL, t.getObject());
            }
        });
        return labels;
    }

    private static String claimLabel(Graph g, Node claim, Node claimClass) {
        String report = object(g, claim, Parley.inReport.asNode())
                .filter(Node::isURI).map(r -> r.getURI().substring(KbNames.REPORT_BASE.length()))
                .map(id -> " (report " + (id.length() > 3 ? id.substring(0, 3) : id) + ", " + lastSegment(claim) + ")")
                .orElse(" (" + lastSegment(claim) + ")");
        Optional<String> party = labelOf(g, Parley.hasParty.asNode(), claim);
        Optional<String> stance = object(g, claim, Parley.hasStance.asNode()).filter(Node::isURI).map(Node::getLocalName);
        boolean negated = object(g, claim, Parley.hasPolarity.asNode()).filter(Parley.negated.asNode()::equals).isPresent();
        Optional<String> content = labelOf(g, Parley.hasContent.asNode(), claim);
        if (party.isPresent() && stance.isPresent() && content.isPresent()) {
            return party.get() + " " + stance.get() + (negated ? " (negated)" : "") + ": " + content.get() + report;
        }
        if (stance.isPresent() && content.isPresent()) {
            // A position whose report names no party (parley:noPartyReason): the label says so.
            return "unnamed party " + stance.get() + (negated ? " (negated)" : "") + ": " + content.get() + report;
        }
        for (Node about : new Node[] {Parley.aboutEvent.asNode(), Parley.aboutProposal.asNode(), Parley.aboutQuantity.asNode()}) {
            Optional<String> subject = labelOf(g, about, claim);
            if (subject.isPresent()) {
                return kind(g, claimClass) + ": " + subject.get() + report;
            }
        }
        Optional<String> member = labelOf(g, org("member"), claim);
        Optional<String> role = object(g, claim, Parley.roleAsReported.asNode()).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm);
        if (member.isPresent() && role.isPresent()) {
            return member.get() + ", " + role.get() + report;
        }
        return kind(g, claimClass) + report;
    }

    /** The class's own label ("event claim"), or its local name. */
    private static String kind(Graph g, Node claimClass) {
        return object(g, claimClass, LABEL).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .orElse(claimClass.getLocalName());
    }

    /** The IRI after its last '/' or '#' (Jena's local name drops a leading digit). */
    private static String lastSegment(Node iri) {
        String uri = iri.getURI();
        return uri.substring(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#')) + 1);
    }

    private static Optional<String> labelOf(Graph g, Node property, Node subject) {
        return object(g, subject, property).flatMap(o -> object(g, o, LABEL)).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm);
    }

    private static Optional<Node> object(Graph g, Node subject, Node property) {
        Iterator<Triple> it = g.find(subject, property, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }

    private static Node org(String localName) {
        return NodeFactory.createURI("http://www.w3.org/ns/org#" + localName);
    }
}
