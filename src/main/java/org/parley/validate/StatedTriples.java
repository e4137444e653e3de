package org.parley.validate;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.parley.vocab.KbNames;

/**
 * What a stored knowledge base states, read-only: the triples of its named graphs except the
 * entailment graphs, each once. The rules read the data as the files state it, as {@code validate}
 * does: over the entailments a rule such as "what a position supersedes is a position" would always
 * hold, since the range of {@code parley:supersedes} makes anything superseded a position.
 * Looks each pattern up in the store's own quad indexes (any graph), so it costs what the answer
 * costs, not the number of graphs.
 */
final class StatedTriples extends GraphBase {

    private final DatasetGraph dataset;

    StatedTriples(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Set<Triple> seen = new HashSet<>();
        return WrappedIterator.create(dataset.find(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(),
                        pattern.getMatchObject()))
                .filterKeep(quad -> !Quad.isDefaultGraph(quad.getGraph()) && !KbNames.isEntailmentGraph(quad.getGraph()))
                .mapWith(Quad::asTriple)
                .filterKeep(seen::add);
    }
}
