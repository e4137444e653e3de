package org.parley.serve;

import org.apache.jena.fuseki.main.FusekiServer;

/**
 * The servlet filters in front of Fuseki's dispatch, in the order they run: the one place where the
 * server's filter chain is assembled (a new filter goes here, at the place in the order it needs).
 *
 * <ol>
 * <li>{@link RequestCharset} first: a body in an unknown character set is refused (415) before
 *     anything reads a parameter, which would fail inside the container;</li>
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

    static void install(FusekiServer.Builder builder, ServeOptions options) {
        String dataset = "/" + ParleyServer.DATASET_NAME;
        builder.addFilter("/*", new RequestCharset())
               .addFilter(dataset + "/*", new TrailingSlash())
               .addFilter("/*", new ReadOnlyCors());
        if (!options.allowUpdate()) {
            builder.addFilter(dataset + "/*", new ReadOnlyRefusal())
                   .addFilter(dataset, new ReadOnlyRefusal());
        }
        builder.addFilter(dataset + "/*", new BodyLimit(options.maxQueryBytes(), options.maxUploadBytes()))
               .addFilter(dataset + "/*", new CompleteResponses(options.maxResultBytes()))
               .addFilter(dataset + "/*", new FormatAliases());
        if (options.allowUpdate()) {
            builder.addFilter(dataset + "/update", new CrossSiteWriteGuard())
                   .addFilter(dataset + "/data", new CrossSiteWriteGuard())
                   .addFilter(dataset + "/data/*", new CrossSiteWriteGuard());
        }
    }
}
