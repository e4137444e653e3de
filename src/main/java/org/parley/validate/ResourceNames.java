package org.parley.validate;

import java.util.Iterator;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Names resources the way problem messages need them: IRIs in full for locations (so they can be
 * searched for), terms with their prefixes in messages, and blank nodes by the triple that points at
 * them, since {@code _:b0} means nothing to the person fixing the file.
 */
final class ResourceNames {

    private final ParsedProject project;

    ResourceNames(ParsedProject project) {
        this.project = project;
    }

    /** {@code data/003_x.ttl <iri>}: the file that describes the resource, then the resource. */
    String locate(Node resource) {
        String file = fileDescribing(resource);
        return file == null ? location(resource) : locate(file, resource);
    }

    /** {@code data/003_x.ttl <iri>}, the IRI in full so that it can be searched for. */
    String locate(String file, Node resource) {
        return file + " " + location(resource);
    }

    private String location(Node resource) {
        return resource.isURI() ? "<" + resource.getURI() + ">" : name(resource);
    }

    /** A term as written in the files ({@code parley:inReport}), or {@code <iri>} without a prefix. */
    String term(Node node) {
        if (node.isURI()) {
            String shortForm = project.prefixes().shortForm(node.getURI());
            return shortForm.equals(node.getURI()) ? "<" + node.getURI() + ">" : shortForm;
        }
        if (node.isLiteral()) {
            return "\"" + abbreviate(node.getLiteralLexicalForm(), 60) + "\"";
        }
        return name(node);
    }

    /** A resource for a message: the IRI, or for a blank node the triple that points at it. */
    String name(Node node) {
        return name(node, 0);
    }

    private String name(Node node, int depth) {
        if (!node.isBlank()) {
            return term(node);
        }
        // The depth limit guards against blank nodes that point at each other in a cycle.
        for (Graph graph : project.dataGraphs().values()) {
            Iterator<Triple> referrers = graph.find(Node.ANY, Node.ANY, node);
            if (referrers.hasNext() && depth < 3) {
                Triple referrer = referrers.next();
                return "[ ] (the " + term(referrer.getPredicate()) + " of "
                        + name(referrer.getSubject(), depth + 1) + ")";
            }
        }
        return "[ ] (a blank node)";
    }

    /** The file in which the resource is a subject; if nowhere, one in which it is mentioned. */
    String fileDescribing(Node resource) {
        for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
            if (entry.getValue().find(resource, Node.ANY, Node.ANY).hasNext()) {
                return project.fileOf(entry.getKey());
            }
        }
        if (project.ontology().find(resource, Node.ANY, Node.ANY).hasNext()) {
            return project.fileOf(org.parley.vocab.KbNames.ONTOLOGY_GRAPH);
        }
        for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
            Graph graph = entry.getValue();
            if (graph.find(Node.ANY, Node.ANY, resource).hasNext() || graph.find(Node.ANY, resource, Node.ANY).hasNext()) {
                return project.fileOf(entry.getKey());
            }
        }
        return null;
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
