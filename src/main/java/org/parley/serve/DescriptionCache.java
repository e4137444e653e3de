package org.parley.serve;

import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * The served dataset's VoID description ({@link org.parley.describe.DatasetDescription}), worked out
 * once per version of the data rather than at every request: it counts every triple of the
 * knowledge base, which at 10,000 reports takes seconds (docs/scaling.md). A read-only server
 * works it out once, at the first request that needs it; a server that takes updates works it out
 * again after an update has committed ({@link ShapeCheckedDataset#generation()}), at the next
 * request, so it is never stale: the generation is read before the description is worked out, so
 * a description that raced with a commit is filed under the older generation and redone.
 *
 * <p>The model handed out is read-only and shared by concurrent requests.
 */
final class DescriptionCache implements Supplier<Model> {

    private final Function<String, Model> describe;
    private final Supplier<String> endpoint;
    private final LongSupplier generation;
    private Cached cached;

    private record Cached(long generation, String endpoint, Model description) {
    }

    /**
     * @param describe   works the description out from the data as they are, naming the given endpoint
     * @param endpoint   the SPARQL endpoint's URL (known once the server listens)
     * @param generation the version of the data, which changes after every committed update; null
     *                   when the data never change
     */
    DescriptionCache(Function<String, Model> describe, Supplier<String> endpoint, LongSupplier generation) {
        this.describe = describe;
        this.endpoint = endpoint;
        this.generation = generation;
    }

    @Override
    public synchronized Model get() {
        long now = generation == null ? 0 : generation.getAsLong();
        String url = endpoint.get();
        if (cached == null || cached.generation() != now || !cached.endpoint().equals(url)) {
            // Under the lock: concurrent first requests wait for one computation instead of each
            // counting the whole knowledge base.
            Model model = describe.apply(url);
            cached = new Cached(now, url, ModelFactory.createModelForGraph(new GraphReadOnly(model.getGraph())));
        }
        return cached.description();
    }
}
