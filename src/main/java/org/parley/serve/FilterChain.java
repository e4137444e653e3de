package org.parley.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.parley.serve.pages.ParleyPages;
import org.parley.serve.pages.SparqlEditorPath;

/**
 * The servlet filters in front of Fuseki's dispatch, in the order they run: the one place where the
 * server's filter chain is assembled (a new filter goes here, at the place in the order it needs).
 *
 * <ol>
 * <li>{@link RequestCharset} first: a body in an unknown character set is refused (415) before
 *     anything reads a parameter, which would fail inside the container;</li>
 * <li>Parley's pages ({@link ParleyPages}), then {@link SparqlEditorPath}, which passes the
 *     editor's requests under {@code /sparql/} on at their own paths;</li>
 * <li>{@link TrailingSlash}, so that the others see the endpoint's own path;</li>
 * <li>{@link ReadOnlyCors}: any origin may query, without credentials;</li>
 * <li>read-only servers: {@link ReadOnlyRefusal} answers writes with a short explanation;</li>
 * <li>{@link BodyLimit}, {@link CompleteResponses}, {@link FormatAliases}: request and answer caps,
 *     complete answers or a clean error, short format names;</li>
 * <li>with update allowed: {@link CrossSiteWriteGuard} on the write endpoints.</li>
 * </ol>
 */
final class FilterChain {

    private FilterChain() {
    }

    /**
     * The dataset's filters are mapped to every path and pick their requests themselves
     * ({@link Endpoints}): the SPARQL editor at {@code /sparql/} reaches the endpoints as
     * {@code /sparql/parley/...}, which {@link SparqlEditorPath} passes on as {@code /parley/...}
     * — a filter mapped to {@code /parley/*} would never see those requests.
     */
    static void install(FusekiServer.Builder builder, ServeOptions options, ParleyPages pages) {
        builder.addFilter("/*", new RequestCharset())
               // Parley's pages before the editor's path: "/" is the home page, "/sparql/" the editor's.
               .addFilter("/*", pages)
               .addFilter("/*", new SparqlEditorPath())
               .addFilter("/*", new TrailingSlash())
               .addFilter("/*", new ReadOnlyCors());
        if (!options.allowUpdate()) {
            builder.addFilter("/*", new ReadOnlyRefusal());
        }
        builder.addFilter("/*", new BodyLimit(options.maxQueryBytes(), options.maxUploadBytes()))
               .addFilter("/*", new CompleteResponses(options.maxResultBytes()))
               .addFilter("/*", new FormatAliases());
        if (options.allowUpdate()) {
            builder.addFilter("/*", new CrossSiteWriteGuard());
        }
    }
}
