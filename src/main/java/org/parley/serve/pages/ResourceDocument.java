package org.parley.serve.pages;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A resource as RDF: its concise bounded description (its triples, and those of the blank nodes it
 * reaches, such as its excerpts), from the asserted graphs, plus the labels of every IRI it links
 * to, so that a client can show names without a second request.
 */
final class ResourceDocument {

    private ResourceDocument() {}

    static Graph description(Knowledge kb, Node resource) {
        Graph asserted = kb.asserted();
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(kb.dataset().prefixes().getMapping());
        out.getPrefixMapping().setNsPrefix("parley", Vocabulary.P);
        out.getPrefixMapping().setNsPrefix("kb", Vocabulary.KB);
        Deque<Node> todo = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        todo.add(resource);
        Set<Node> linked = new HashSet<>();
        while (!todo.isEmpty()) {
            Node s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            asserted.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                out.add(t);
                Node o = t.getObject();
                if (o.isBlank()) {
                    todo.add(o);
                } else if (o.isURI()) {
                    linked.add(o);
                }
            });
        }
        linked.remove(resource);
        for (Node o : linked) {
            for (Node p : new Node[] {Vocabulary.LABEL, Vocabulary.PREF_LABEL}) {
                kb.asserted().find(o, p, Node.ANY).forEachRemaining(out::add);
            }
        }
        return out;
    }

    /** The description in {@code format}; {@code negotiated} says the answer depends on Accept. */
    static Page describe(Knowledge kb, Node resource, RdfFormat format, boolean negotiated) {
        Graph graph = description(kb, resource);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFWriter.source(graph).format(format.jena).output(bytes);
        Page page = new Page(200, format.mediaType + (format == RdfFormat.RDFXML ? "" : "; charset=utf-8"), bytes.toByteArray());
        String path = Vocabulary.localPath(resource.getURI());
        page.header("Link", "<" + path + ">; rel=\"alternate\"; type=\"text/html\"");
        return negotiated ? page.vary() : page;
    }

}
