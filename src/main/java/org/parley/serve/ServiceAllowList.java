package org.parley.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Outbound {@code SERVICE} (federated query) limited to named endpoints.
 *
 * <p>Anonymous clients must not be able to make the server fetch arbitrary URLs (server-side
 * request forgery), so the served dataset's context gets its own {@link ServiceExecutorRegistry}
 * whose first link refuses every {@code SERVICE} IRI not on the list, before ARQ's HTTP executor
 * is reached. A refusal is a {@link QueryDeniedException}, which Fuseki answers with HTTP 422 and
 * this class's message. With an empty list {@link ARQ#httpServiceAllowed} is also set false, as a
 * second lock.
 */
public final class ServiceAllowList implements ChainingServiceExecutor {

    private final Set<String> allowed;

    private ServiceAllowList(Collection<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** Puts into {@code context} a SERVICE registry that only reaches {@code allowed} (exact URLs). */
    public static void install(Context context, Collection<String> allowed) {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add(ServiceExecutorRegistry.httpService);
        // addSingleLink puts the link first in the chain: the check runs before the HTTP call.
        registry.addSingleLink(new ServiceAllowList(allowed));
        ServiceExecutorRegistry.set(context, registry);
        context.set(ARQ.httpServiceAllowed, !allowed.isEmpty());
    }

    /** Throws {@link ServeException} unless {@code url} is an absolute http(s) URL with a host. */
    static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ServeException("--allow-service " + url
                        + ": not an absolute http(s) URL; give the remote endpoint, e.g. http://127.0.0.1:3031/ds/sparql");
            }
        } catch (URISyntaxException e) {
            throw new ServeException("--allow-service " + url + ": not a URL (" + e.getReason() + ")");
        }
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        Node service = opExecute.getService();
        if (!service.isURI()) {
            throw new QueryDeniedException("SERVICE refused: the endpoint is not an IRI (" + service + ")");
        }
        String url = service.getURI();
        if (!allowed.contains(url)) {
            throw new QueryDeniedException("SERVICE <" + url + "> refused: federated query is limited to the"
                    + " endpoints named with --allow-service when the server starts, and this is not one of them");
        }
        return chain.createExecution(opExecute, opOriginal, binding, execCxt);
    }
}
