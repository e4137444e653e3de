package org.parley.validate;

import java.util.Iterator;
import java.util.List;
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

    /** {@code data/003_x.ttl:12 <iri>}: the file and line that describe the resource, then the resource. */
    String locate(Node resource) {
        String file = fileDescribing(resource);
        return file == null ? location(resource) : locate(file, resource);
    }

    /** {@code data/003_x.ttl:12 <iri>}: where the file describes it, the IRI in full so that it can be searched for. */
    String locate(String file, Node resource) {
        return project.at(file, resource) + " " + location(resource);
    }

    /** {@code data/003_x.ttl:14 <iri>}: the line of the triple in the file, then the resource it is about. */
    String locate(String file, Triple triple, Node resource) {
        return project.at(file, triple) + " " + location(resource);
    }

    /**
     * The file and line of the triple, named by its subject. A result whose value is not the object
     * (a SPARQL constraint may report a class) is found by subject and property where that is one
     * triple; otherwise it is where the subject is described.
     */
    String locate(Triple triple) {
        for (boolean exact : new boolean[] {true, false}) {
            for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
                List<Triple> found = exact ? (entry.getValue().contains(triple) ? List.of(triple) : List.of())
                        : entry.getValue().find(triple.getSubject(), triple.getPredicate(), Node.ANY).toList();
                if (found.size() == 1) {
                    return locate(project.fileOf(entry.getKey()), found.get(0), triple.getSubject());
                }
            }
        }
        return locate(triple.getSubject());
    }

    private String location(Node resource) {
        return resource.isURI() ? "<" + resource.getURI() + ">" : name(resource);
    }

    /** A term as written in the files ({@code parley:inReport}), or {@code <iri>} without a prefix. */
    String term(Node node) {
        if (node.isURI()) {
            return shortForm(node.getURI());
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

    /**
     * The IRI with the most specific prefix that fits ({@code claim:001-2}, not {@code kb:claim/001-2},
     * where the files declare both), or {@code <iri>}: Jena's own shortForm takes any that fits.
     */
    private String shortForm(String iri) {
        Map.Entry<String, String> best = null;
        for (Map.Entry<String, String> prefix : project.prefixes().getNsPrefixMap().entrySet()) {
            if (iri.startsWith(prefix.getValue()) && (best == null || prefix.getValue().length() > best.getValue().length())) {
                best = prefix;
            }
        }
        return best == null ? "<" + iri + ">" : best.getKey() + ":" + iri.substring(best.getValue().length());
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
