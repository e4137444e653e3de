package org.parley.load;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;

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
        return readOnlyUnion(getUnionGraph());
    }

    @Override
    public void add(Quad quad) {
        refuseDefaultGraphWrite(quad.getGraph());
        super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        refuseDefaultGraphWrite(g);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        refuseDefaultGraphWrite(quad.getGraph());
        super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        refuseDefaultGraphWrite(g);
        super.delete(g, s, p, o);
    }

    /**
     * Triples written to the stored default graph of a union-default dataset would be in no
     * named graph, and so invisible to every query: such writes are refused, saying why.
     */
    public static void refuseDefaultGraphWrite(Node graph) {
        if (graph == null || Quad.isDefaultGraph(graph)) {
            throw new AddDeniedException(NAME_A_GRAPH);
        }
    }

    /**
     * The default graph of a union-default dataset, as updates see it: it reads as the union of
     * the named graphs; {@code CLEAR}/{@code DROP} of it (as in {@code CLEAR ALL}) clear nothing,
     * since it holds nothing of its own; adding or deleting triples in it is refused with a
     * message saying to name a graph, since such triples would be in no named graph and so
     * invisible to every query.
     */
    public static Graph readOnlyUnion(Graph union) {
        return new WrappedGraph(union) {
            @Override
            public void add(Triple t) {
                throw new AddDeniedException(NAME_A_GRAPH);
            }

            @Override
            public void delete(Triple t) {
                throw new DeleteDeniedException(NAME_A_GRAPH);
            }

            @Override
            public void remove(Node s, Node p, Node o) {
                throw new DeleteDeniedException(NAME_A_GRAPH);
            }

            @Override
            public void clear() {
                // Nothing is stored in the default graph: clearing it changes nothing.
            }
        };
    }

    static final String NAME_A_GRAPH = "the default graph is the union of the named graphs and cannot be written"
            + " directly; name a graph, e.g. INSERT DATA { GRAPH <https://w3id.org/parley/graph/notes> { ... } }";
}
