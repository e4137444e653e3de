package org.parley.load;

import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The one way Parley makes SPARQL's default graph the union of the named graphs, for an in-memory
 * dataset and a TDB2 database alike: a wrapper whose {@link #getDefaultGraph()} is the union, so
 * that queries need no {@code GRAPH} clause while {@code GRAPH <...>} still picks one graph, and
 * {@link #find()} still lists only the stored quads (an export of it has no extra default graph).
 * It has its own {@link Context}, so settings made for one use (a server's timeout, its SERVICE
 * allow-list) do not leak into the dataset the caller keeps.
 *
 * <p>How queries see the union: over TDB2, the wrapper sets TDB2's own union-default-graph switch
 * in its context and lets ARQ hand queries to TDB2's engine, which reads the union from its
 * graph-first index in one lookup per pattern and keeps its join planning: a database of tens of
 * millions of quads is queried where it lies. Over an in-memory dataset, which has no such index,
 * the wrapper is a "view" ({@link DatasetGraphWrapperView}): ARQ evaluates queries over the wrapper
 * itself, reading the union graph this class gives.
 *
 * <p>Writes: named graphs pass through; triples written to the default graph would be in no named
 * graph and so invisible to every query, so they are refused with a message saying to name a
 * graph; {@code CLEAR}/{@code DROP} of the default graph (as in {@code CLEAR ALL}) clear nothing of
 * it, since it holds nothing of its own.
 *
 * <p>{@link #readOnlyCopy} is the same union, materialised for read-only serving, where speed matters.
 */
public class UnionDefaultGraph extends DatasetGraphWrapper {

    /**
     * Up to this many quads, {@link #readOnlyCopy} copies into memory; above it, the view, to keep
     * memory bounded.
     */
    static final long COPY_LIMIT = 2_000_000;

    static final String NAME_A_GRAPH = "the default graph is the union of the named graphs and cannot be written"
            + " directly; name a graph, e.g. INSERT DATA { GRAPH <https://w3id.org/parley/graph/notes> { ... } }";

    private UnionDefaultGraph(DatasetGraph base, Context context) {
        super(base, context);
    }

    /** Over an in-memory dataset: ARQ evaluates queries over this wrapper and its union graph. */
    private static final class View extends UnionDefaultGraph implements DatasetGraphWrapperView {
        View(DatasetGraph base, Context context) {
            super(base, context);
        }
    }

    /** The union default graph over {@code base}, with a fresh copy of the base's context. */
    public static DatasetGraph of(DatasetGraph base) {
        DatasetGraph stored = base instanceof UnionDefaultGraph union ? union.getWrapped() : base;
        Context context = contextCopy(base);
        if (isOnDisk(stored)) {
            context.set(TDB2.symUnionDefaultGraph, true);
            return new UnionDefaultGraph(stored, context);
        }
        return new View(stored, context);
    }

    /** Whether the dataset (under any union wrapper) is a TDB2 database. */
    public static boolean isOnDisk(DatasetGraph dataset) {
        DatasetGraph stored = dataset instanceof UnionDefaultGraph union ? union.getWrapped() : dataset;
        return TDBInternal.isBackedByTDB(stored);
    }

    /**
     * For read-only serving: an in-memory copy of {@code base} (Jena's transactional in-memory
     * dataset) whose stored default graph holds the union of the named graphs. Measured on the
     * knowledge base (docs/benchmark.md), queries run 3 to 5 times faster than over the view, since
     * every pattern outside GRAPH is one index lookup rather than one per graph. The copy is never
     * written to (a read-only server refuses writes before they reach it), so the union cannot go
     * stale; a dataset over {@link #COPY_LIMIT} quads, or a TDB2 database (queried where it lies,
     * see above), gets {@link #of} instead.
     */
    public static DatasetGraph readOnlyCopy(DatasetGraph base) {
        if (isOnDisk(base)) {
            return of(base);
        }
        long size = Txn.calculateRead(base, () -> {
            long quads = 0;
            for (Iterator<Quad> all = base.find(); all.hasNext() && quads <= COPY_LIMIT; all.next()) {
                quads++;
            }
            return quads;
        });
        if (size > COPY_LIMIT) {
            return of(base);
        }
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(base, () -> Txn.executeWrite(copy, () -> {
            copy.prefixes().putAll(base.prefixes());
            base.listGraphNodes().forEachRemaining(name -> base.getGraph(name).find().forEachRemaining(triple -> {
                copy.add(name, triple.getSubject(), triple.getPredicate(), triple.getObject());
                copy.getDefaultGraph().add(triple);
            }));
        }));
        return new DatasetGraphWrapper(copy, contextCopy(base));
    }

    private static Context contextCopy(DatasetGraph base) {
        return base.getContext() == null ? new Context() : base.getContext().copy();
    }

    @Override
    public Graph getDefaultGraph() {
        return new ReadOnlyUnion(getUnionGraph());
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        refuseDefaultGraphWrite(g);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        refuseDefaultGraphWrite(g);
        super.delete(g, s, p, o);
    }

    private static void refuseDefaultGraphWrite(Node graph) {
        if (graph == null || Quad.isDefaultGraph(graph)) {
            throw new AddDeniedException(NAME_A_GRAPH);
        }
    }

    /** The default graph as updates see it: reads as the union, refuses writes, clears to nothing. */
    private static final class ReadOnlyUnion extends WrappedGraph {
        ReadOnlyUnion(Graph union) {
            super(union);
        }

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
    }
}
