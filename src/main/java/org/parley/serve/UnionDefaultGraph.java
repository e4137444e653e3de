package org.parley.serve;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

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
 * <li>Anything else (in-memory): the view is a {@link DatasetGraphWrapperView}, which ARQ queries
 *     as it is, so its default graph, the union, is what a pattern outside {@code GRAPH} sees.</li>
 * </ul>
 * Updates pass through to the base dataset: an update should name its graph, since triples
 * written to the stored default graph are not part of the union.
 */
public final class UnionDefaultGraph {

    private UnionDefaultGraph() {}

    /** Wraps {@code base}; the returned dataset's context is a fresh copy of the base's. */
    public static DatasetGraph wrap(DatasetGraph base) {
        Context context = base.getContext() == null ? new Context() : base.getContext().copy();
        if (TDBInternal.isBackedByTDB(base)) {
            context.set(TDB2.symUnionDefaultGraph, true);
            return new Tdb2View(base, context);
        }
        return new GeneralView(base, context);
    }

    /** TDB2: the engine does the union (context flag); this only fixes the Graph Store view. */
    private static final class Tdb2View extends DatasetGraphWrapper {
        Tdb2View(DatasetGraph base, Context context) {
            super(base, context);
        }

        @Override
        public Graph getDefaultGraph() {
            return getUnionGraph();
        }
    }

    /** General: a "view" wrapper, so ARQ evaluates queries over this object, not the base. */
    private static final class GeneralView extends DatasetGraphWrapper implements DatasetGraphWrapperView {
        GeneralView(DatasetGraph base, Context context) {
            super(base, context);
        }

        @Override
        public Graph getDefaultGraph() {
            return getUnionGraph();
        }
    }
}
