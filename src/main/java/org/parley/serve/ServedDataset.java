package org.parley.serve;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongSupplier;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.parley.load.UnionDefaultGraph;
import org.parley.search.ParleyTextIndex;

/**
 * The dataset behind {@code /parley} and the pages: the knowledge base with the union of the named
 * graphs as its default graph ({@link UnionDefaultGraph}), the full-text index for
 * {@code text:query} ({@link ParleyTextIndex}), and a context carrying the query timeout and the
 * SERVICE allow-list.
 * <ul>
 * <li>Read-only with an on-disk index ({@code serve --db DIR}, the index in {@code DIR/text-index}):
 *     the database's union view with that index opened as it is; nothing is copied or rebuilt.</li>
 * <li>Read-only without one: a fast in-memory copy ({@link UnionDefaultGraph#readOnlyCopy}) with an
 *     index built in memory (a knowledge base loaded from its sources).</li>
 * <li>With updates: the live view, checked against the shapes ({@link ShapeCheckedDataset}); no
 *     index in SPARQL, since an update must stay one shape-checked transaction (the pages' search
 *     builds its own after each change).</li>
 * </ul>
 */
final class ServedDataset implements AutoCloseable {

    private final DatasetGraph dataset;
    private final DataService service;
    private final LongSupplier generation;

    private ServedDataset(DatasetGraph dataset, DataService service, LongSupplier generation) {
        this.dataset = dataset;
        this.service = service;
        this.generation = generation;
    }

    /**
     * @param textIndexDir an on-disk full-text index of {@code dataset}
     *                     ({@link ParleyTextIndex#build}), or null to build one in memory
     */
    static ServedDataset of(DatasetGraph dataset, Path textIndexDir, ServeOptions options, Set<String> writers) {
        DatasetGraph served;
        LongSupplier generation = null;
        if (options.allowUpdate()) {
            ShapeCheckedDataset checked = new ShapeCheckedDataset(UnionDefaultGraph.of(dataset), options.updateShapes());
            generation = checked::generation;
            served = checked;
        } else if (textIndexDir != null) {
            served = UnionDefaultGraph.of(dataset);
            ParleyTextIndex.open(served, textIndexDir);
        } else {
            served = ParleyTextIndex.wrap(UnionDefaultGraph.readOnlyCopy(dataset));
        }
        Context context = served.getContext();
        context.set(ARQ.queryTimeout, Long.toString(options.timeout().toMillis()));
        ServiceAllowList.install(context, options.allowedServices());

        DataService.Builder service = DataService.newBuilder(served)
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get");
        if (options.allowUpdate()) {
            AuthPolicy writersOnly = Auth.policyAllowSpecific(writers);
            service.addEndpoint(Operation.Update, "update", writersOnly)
                   .addEndpoint(Operation.GSP_RW, "data", writersOnly);
        }
        return new ServedDataset(served, service.build(), generation);
    }

    /** What {@code /parley} and the pages read. */
    DatasetGraph dataset() {
        return dataset;
    }

    DataService service() {
        return service;
    }

    /** Counts committed updates; null when the data never change (read-only). */
    LongSupplier generation() {
        return generation;
    }

    /** Releases the full-text index (an on-disk one holds Lucene's write lock); the data stay open. */
    @Override
    public void close() {
        ParleyTextIndex.close(dataset);
    }
}
