package org.parley.serve.pages;

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
 * The asserted triples: those of the named graphs other than the entailment graphs
 * ({@link KbNames#isEntailmentGraph}), found per pattern in the dataset's quad indexes, each
 * triple once however many graphs hold it. A resource's page and its RDF show what the curators
 * wrote, not every super-class and inverse the reasoner added.
 */
final class AssertedGraph extends GraphBase {

    private final DatasetGraph dataset;

    AssertedGraph(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Iterator<Triple> triples = Iter.iter(dataset.findNG(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(),
                        pattern.getMatchObject()))
                .filter(q -> !KbNames.isEntailmentGraph(q.getGraph()))
                .map(Quad::asTriple)
                .distinct();
        return WrappedIterator.create(triples);
    }
}
