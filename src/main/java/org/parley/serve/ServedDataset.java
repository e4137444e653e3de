package org.parley.serve;

import org.parley.serve.pages.ParleyTextIndex;

import java.util.Set;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.parley.load.UnionDefaultGraph;

/**
 * The endpoints of {@code /parley} over a dataset whose default graph is the union of the named
 * graphs ({@link UnionDefaultGraph}: a fast read-only copy unless updates are allowed, then the
 * live view, checked against the shapes), and whose context carries the query timeout and the
 * SERVICE allow-list.
 */
final class ServedDataset {

    private ServedDataset() {
    }

    static DataService of(DatasetGraph dataset, ServeOptions options, Set<String> writers) {
        DatasetGraph served = options.allowUpdate()
                ? new ShapeCheckedDataset(UnionDefaultGraph.of(dataset), options.updateShapes())
                : UnionDefaultGraph.readOnlyCopy(dataset);
        // Full-text search in SPARQL (text:query), the index the search page uses (issue 13).
        // Read-only only: an update must stay one shape-checked transaction (ShapeCheckedDataset).
        if (!options.allowUpdate()) {
            served = ParleyTextIndex.wrap(served);
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
        return service.build();
    }
}
