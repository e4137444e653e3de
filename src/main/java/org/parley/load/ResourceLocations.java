package org.parley.load;

import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.parley.vocab.KbNames;

/** Where a stored resource comes from, in the words of a problem message: its file. */
final class ResourceLocations {

    private ResourceLocations() {
    }

    /** Where a stored resource is described, for messages: the file of the graph that has it as subject. */
    static Function<Node, String> locator(DatasetGraph dataset, Map<String, String> files) {
        return node -> {
            var quads = dataset.find(Node.ANY, node, Node.ANY, Node.ANY);
            while (quads.hasNext()) {
                Quad quad = quads.next();
                String name = KbNames.graphName(quad.getGraph());
                if (name != null && !KbNames.isEntailmentGraph(quad.getGraph())) {
                    String file = files.getOrDefault(name, "data/" + name + ".ttl");
                    return file + " " + (node.isURI() ? "<" + node.getURI() + ">" : node.toString());
                }
            }
            return node.isURI() ? "<" + node.getURI() + ">" : node.toString();
        };
    }
}
