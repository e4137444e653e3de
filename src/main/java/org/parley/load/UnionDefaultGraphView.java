package org.parley.load;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.util.Context;

/**
 * A dataset whose default graph is the union of its named graphs, so that queries need no
 * {@code GRAPH} clause; the named graphs stay as they are, and {@link #find()} still lists only
 * the stored quads (an export of the view has no extra default graph). Being a "view" wrapper,
 * ARQ evaluates queries over this object rather than over the dataset it wraps. It has its own
 * context, so settings made for one use (a server's timeout) do not leak into another.
 */
public final class UnionDefaultGraphView extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    public UnionDefaultGraphView(DatasetGraph base) {
        this(base, base.getContext() == null ? new Context() : base.getContext().copy());
    }

    public UnionDefaultGraphView(DatasetGraph base, Context context) {
        super(base, context);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }
}
