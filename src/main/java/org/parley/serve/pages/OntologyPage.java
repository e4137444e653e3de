package org.parley.serve.pages;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.vocab.KbNames;

/**
 * The ontology at {@code /ontology} (its IRI, and {@code #Term} for each term): HTML documentation
 * of every class and property (label, definition, comment, domain and range, super-classes), or the
 * ontology's Turtle by content negotiation or at {@code /ontology.ttl}.
 */
final class OntologyPage {

    private OntologyPage() {}

    private static final Node OWL_CLASS = NodeFactory.createURI(Vocabulary.OWL + "Class");
    private static final Node[] PROPERTY_TYPES = {
        NodeFactory.createURI(Vocabulary.OWL + "ObjectProperty"), NodeFactory.createURI(Vocabulary.OWL + "DatatypeProperty"),
        NodeFactory.createURI(Vocabulary.OWL + "AnnotationProperty")};
    private static final Node SUBCLASS = NodeFactory.createURI(Vocabulary.RDFS + "subClassOf");
    private static final Node DOMAIN = NodeFactory.createURI(Vocabulary.RDFS + "domain");
    private static final Node RANGE = NodeFactory.createURI(Vocabulary.RDFS + "range");

    static Page render(Knowledge kb, String path, String accept) {
        Graph ontology = kb.dataset().getGraph(KbNames.ONTOLOGY_GRAPH);
        RdfFormat format = path.equals("/ontology.ttl") ? RdfFormat.TURTLE
                : path.equals("/ontology") ? RdfFormat.negotiate(accept) : null;
        if (format == null && !path.equals("/ontology")) {
            return Page.error(404, "Not found", "No such document: " + path);
        }
        if (format != null) {
            Graph g = GraphFactory.createDefaultGraph();
            ontology.find().forEachRemaining(g::add);
            g.getPrefixMapping().setNsPrefix("parley", Vocabulary.P);
            g.getPrefixMapping().setNsPrefixes(kb.dataset().prefixes().getMapping());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFWriter.source(g).format(format == RdfFormat.TURTLE ? RDFFormat.TURTLE_PRETTY : format.jena).output(out);
            Page page = new Page(200, format.mediaType + (format == RdfFormat.RDFXML ? "" : "; charset=utf-8"), out.toByteArray());
            return path.equals("/ontology") ? page.vary() : page;
        }
        StringBuilder b = new StringBuilder();
        b.append("<p>The terms Parley's knowledge base is written in. IRI <code>").append(Html.esc(Vocabulary.ONT))
         .append("</code> · ").append(Html.a("/ontology.ttl", "Turtle")).append("</p>");
        List<Node> classes = terms(kb, ontology, new Node[] {OWL_CLASS});
        List<Node> properties = terms(kb, ontology, PROPERTY_TYPES);
        b.append("<nav class=\"toc\"><strong>Classes:</strong> ");
        classes.forEach(c -> b.append(Html.a("#" + local(c), kb.label(c) + " ")));
        b.append("<br><strong>Properties:</strong> ");
        properties.forEach(c -> b.append(Html.a("#" + local(c), local(c) + " ")));
        b.append("</nav><h2>Classes</h2>");
        classes.forEach(c -> term(kb, ontology, c, b));
        b.append("<h2>Properties</h2>");
        properties.forEach(c -> term(kb, ontology, c, b));
        return Page.html(Html.page("The Parley ontology", null, b.toString(), null, null)).vary();
    }

    private static List<Node> terms(Knowledge kb, Graph ontology, Node[] types) {
        List<Node> out = new ArrayList<>();
        for (Node type : types) {
            ontology.find(Node.ANY, Vocabulary.TYPE, type).forEachRemaining(t -> {
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(Vocabulary.P) && !out.contains(s)) {
                    out.add(s);
                }
            });
        }
        out.sort((x, y) -> local(x).compareToIgnoreCase(local(y)));
        return out;
    }

    private static void term(Knowledge kb, Graph ontology, Node t, StringBuilder b) {
        b.append("<section class=\"term\" id=\"").append(Html.esc(local(t))).append("\"><h3>").append(Html.esc(kb.label(t)))
         .append(" <code>parley:").append(Html.esc(local(t))).append("</code></h3>");
        for (Node p : new Node[] {Vocabulary.DEFINITION, Vocabulary.COMMENT, Vocabulary.NOTE}) {
            ontology.find(t, p, Node.ANY).forEachRemaining(tr -> b.append("<p>").append(Html.esc(kb.label(tr.getObject()))).append("</p>"));
        }
        b.append("<dl class=\"facts small\">");
        list(kb, ontology, t, SUBCLASS, "subclass of", b);
        list(kb, ontology, t, DOMAIN, "domain", b);
        list(kb, ontology, t, RANGE, "range", b);
        b.append("</dl></section>");
    }

    private static void list(Knowledge kb, Graph g, Node s, Node p, String name, StringBuilder b) {
        List<Node> values = g.find(s, p, Node.ANY).mapWith(tr -> tr.getObject()).filterKeep(Node::isURI).toList();
        if (!values.isEmpty()) {
            b.append("<dt>").append(name).append("</dt><dd>").append(Html.links(kb, values)).append("</dd>");
        }
    }

    private static String local(Node n) {
        String iri = n.getURI();
        return iri.substring(iri.indexOf('#') + 1);
    }
}
