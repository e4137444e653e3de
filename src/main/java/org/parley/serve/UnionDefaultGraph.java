package org.parley.serve;

import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.parley.load.UnionDefaultGraphView;

/**
 * A view of a dataset whose default graph is the union of its named graphs, so that queries
 * need no {@code GRAPH} clause. The named graphs stay visible as they are.
 *
 * <p>The view has its own {@link Context} (a copy of the base dataset's), so settings made for
 * serving (timeout, SERVICE registry) do not leak into the dataset the caller keeps.
 *
 * <ul>
 * <li>TDB2: the TDB2 query engine does the union itself when {@link TDB2#symUnionDefaultGraph} is
 *     set; the view is a plain wrapper (ARQ unwraps it and queries TDB2 directly, keeping TDB2's
 *     optimiser) that only changes {@link #getDefaultGraph()} for the Graph Store protocol.</li>
 * <li>Anything else (in-memory): a {@link UnionDefaultGraphView}, which ARQ queries as it is, so
 *     its default graph, the union, is what a pattern outside {@code GRAPH} sees.</li>
 * </ul>
 * Updates pass through to the base dataset: an update should name its graph, since triples
 * written to the stored default graph are not part of the union.
 */
public final class UnionDefaultGraph {

    private UnionDefaultGraph() {}

    /**
     * Up to this many quads, a read-only server queries an in-memory copy whose default graph
     * holds the union (see {@link #readOnlyCopy}); above it, the view, to keep memory bounded.
     */
    static final long COPY_LIMIT = 2_000_000;

    /**
     * For read-only serving: an in-memory copy of {@code base} (Jena's transactional in-memory
     * dataset) whose stored default graph holds the union of the named graphs. Measured on the
     * knowledge base (docs/benchmark.md), queries run 3 to 5 times faster than over TDB2's union
     * or over the view, since every pattern outside GRAPH is one index lookup rather than one per
     * graph. The copy is never written to, so the union cannot go stale; a dataset over
     * {@link #COPY_LIMIT} quads gets the view of {@link #wrap} instead.
     */
    public static DatasetGraph readOnlyCopy(DatasetGraph base) {
        long size = Txn.calculateRead(base, () -> {
            long quads = 0;
            for (Iterator<Quad> all = base.find(); all.hasNext() && quads <= COPY_LIMIT; all.next()) {
                quads++;
            }
            return quads;
        });
        if (size > COPY_LIMIT) {
            return wrap(base);
        }
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(base, () -> Txn.executeWrite(copy, () -> {
            copy.prefixes().putAll(base.prefixes());
            base.listGraphNodes().forEachRemaining(name -> base.getGraph(name).find().forEachRemaining(triple -> {
                copy.add(name, triple.getSubject(), triple.getPredicate(), triple.getObject());
                copy.getDefaultGraph().add(triple);
            }));
        }));
        Context context = base.getContext() == null ? new Context() : base.getContext().copy();
        context.unset(TDB2.symUnionDefaultGraph);
        return new DatasetGraphWrapper(copy, context);
    }

    /** Wraps {@code base}; the returned dataset's context is a fresh copy of the base's. */
    public static DatasetGraph wrap(DatasetGraph base) {
        Context context = base.getContext() == null ? new Context() : base.getContext().copy();
        if (TDBInternal.isBackedByTDB(base)) {
            context.set(TDB2.symUnionDefaultGraph, true);
            return new Tdb2View(base, context);
        }
        return new UnionDefaultGraphView(base, context);
    }

    /** TDB2: the engine does the union (context flag); this only fixes the Graph Store view. */
    private static final class Tdb2View extends DatasetGraphWrapper {
        Tdb2View(DatasetGraph base, Context context) {
            super(base, context);
        }

        @Override
        public Graph getDefaultGraph() {
            return UnionDefaultGraphView.readOnlyUnion(getUnionGraph());
        }

        @Override
        public void add(Quad quad) {
            UnionDefaultGraphView.refuseDefaultGraphWrite(quad.getGraph());
            super.add(quad);
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            UnionDefaultGraphView.refuseDefaultGraphWrite(g);
            super.add(g, s, p, o);
        }
    }
}
