package org.parley.validate;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
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
 * entailment graphs ({@link KbNames#isEntailmentGraph}), each once however many graphs hold it,
 * found per pattern in the store's own quad indexes (so it costs what the answer costs, not the
 * number of graphs). The rules read the data as the files state it, as {@code validate} does (over
 * the entailments "what a position supersedes is a position" would always hold, through the range
 * of {@code parley:supersedes}); and a resource's page shows what the curators wrote, not every
 * super-class and inverse worked out from it.
 */
public final class StatedTriples extends GraphBase {

    private final DatasetGraph dataset;

    public StatedTriples(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Iterator<Triple> triples = Iter.iter(dataset.findNG(Node.ANY, pattern.getMatchSubject(),
                        pattern.getMatchPredicate(), pattern.getMatchObject()))
                .filter(quad -> !KbNames.isEntailmentGraph(quad.getGraph()))
                .map(Quad::asTriple)
                .distinct();
        return WrappedIterator.create(triples);
    }
}
