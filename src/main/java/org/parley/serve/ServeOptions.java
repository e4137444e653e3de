package org.parley.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.shacl.Shapes;

/**
 * How {@link ParleyServer} serves a dataset: where it listens, how long a query may run, who may
 * write, which remote endpoints {@code SERVICE} may call, and the optional extras (query library,
 * VoID description). Immutable; build one with {@link #builder()}.
 */
public final class ServeOptions {

    /** Address the server binds to unless told otherwise: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Port the server listens on unless told otherwise (Fuseki's usual port). */
    public static final int DEFAULT_PORT = 3030;
    /** Longest a query may run unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Longest query or update accepted unless told otherwise, in bytes of UTF-8: 128 KiB, forty
     * times the longest library query. Garbage fails at its first bad token (100 KB: 0.04 s) and
     * the slowest parse measured, 5,000 triple patterns in 86 KB, took 0.8 s on this machine kind
     * (docs/reliability.md), so this also bounds the time spent before the timeout applies.
     */
    public static final int DEFAULT_MAX_QUERY_BYTES = 128 * 1024;
    /**
     * Largest answer a query may produce unless told otherwise: 32 MiB, some 200 times the largest
     * library answer. Answers are built in full before the status is sent (never a 200 with a
     * cut-off document), so this bounds the memory one request can hold.
     */
    public static final long DEFAULT_MAX_RESULT_BYTES = 32L * 1024 * 1024;
    /** Largest Graph Store upload (authenticated writes only) unless told otherwise: 64 MiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

    private final String host;
    private final int port;
    private final Duration timeout;
    private final boolean allowUpdate;
    private final Path passwordFile;
    private final List<String> allowedServices;
    private final Path queriesDir;
    private final int maxQueryBytes;
    private final long maxResultBytes;
    private final long maxUploadBytes;
    private final Shapes updateShapes;

    private ServeOptions(Builder b) {
        this.updateShapes = b.updateShapes;
        this.maxQueryBytes = b.maxQueryBytes;
        this.maxResultBytes = b.maxResultBytes;
        this.maxUploadBytes = b.maxUploadBytes;
        this.host = b.host;
        this.port = b.port;
        this.timeout = b.timeout;
        this.allowUpdate = b.allowUpdate;
        this.passwordFile = b.passwordFile;
        this.allowedServices = List.copyOf(b.allowedServices);
        this.queriesDir = b.queriesDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults throughout: 127.0.0.1:3030, read-only, 10 s timeout, no SERVICE, no extras. */
    public static ServeOptions defaults() {
        return builder().build();
    }

    public String host() { return host; }

    /** The port asked for; 0 means "any free port" (ask the running server for the real one). */
    public int port() { return port; }

    public Duration timeout() { return timeout; }

    /** Whether SPARQL Update and Graph Store writes are offered (always behind HTTP basic auth). */
    public boolean allowUpdate() { return allowUpdate; }

    /** Jetty-format password file ({@code user: password}); set exactly when update is allowed. */
    public Path passwordFile() { return passwordFile; }

    /** Remote endpoints a query may call with {@code SERVICE}; empty means SERVICE is off. */
    public List<String> allowedServices() { return allowedServices; }

    /** Directory of {@code .rq} files listed at {@code /queries}, or null for none. */
    public Path queriesDir() { return queriesDir; }

    /** Longest query or update text accepted, in bytes of UTF-8 (longer: HTTP 413). */
    public int maxQueryBytes() { return maxQueryBytes; }

    /** Largest query answer, in bytes as serialised (larger: HTTP 422, nothing partial sent). */
    public long maxResultBytes() { return maxResultBytes; }

    /** Largest Graph Store upload body, in bytes (larger: HTTP 413). */
    public long maxUploadBytes() { return maxUploadBytes; }

    /**
     * The shapes every update must leave the knowledge base conforming to (ontology/shapes.ttl);
     * null only where no update is allowed.
     */
    public Shapes updateShapes() { return updateShapes; }

    public static final class Builder {
        private Shapes updateShapes = null;
        private int maxQueryBytes = DEFAULT_MAX_QUERY_BYTES;
        private long maxResultBytes = DEFAULT_MAX_RESULT_BYTES;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean allowUpdate = false;
        private Path passwordFile = null;
        private final List<String> allowedServices = new ArrayList<>();
        private Path queriesDir = null;

        private Builder() {}

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Offers update, guarded by the users of {@code passwordFile} (Jetty format). */
        public Builder allowUpdate(Path passwordFile) {
            this.allowUpdate = true;
            this.passwordFile = Objects.requireNonNull(passwordFile, "passwordFile");
            return this;
        }

        /** Allows {@code SERVICE <url>} for exactly this endpoint URL; repeatable. */
        public Builder allowService(String url) {
            this.allowedServices.add(Objects.requireNonNull(url, "url"));
            return this;
        }

        public Builder allowServices(List<String> urls) {
            urls.forEach(this::allowService);
            return this;
        }

        public Builder queriesDir(Path queriesDir) {
            this.queriesDir = queriesDir;
            return this;
        }

        public Builder updateShapes(Shapes shapes) {
            this.updateShapes = shapes;
            return this;
        }

        public Builder maxQueryBytes(int bytes) {
            this.maxQueryBytes = bytes;
            return this;
        }

        public Builder maxResultBytes(long bytes) {
            this.maxResultBytes = bytes;
            return this;
        }

        public Builder maxUploadBytes(long bytes) {
            this.maxUploadBytes = bytes;
            return this;
        }

        /** Checks the values and builds; throws {@link ServeException} naming the bad one. */
        public ServeOptions build() {
            if (host.isBlank()) {
                throw new ServeException("--host: empty host; give an address such as 127.0.0.1");
            }
            if (port < 0 || port > 65535) {
                throw new ServeException("--port " + port + ": not a port number; use 0-65535 (0 picks a free port)");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ServeException("--timeout " + timeout.toSeconds() + ": must be a positive number of seconds");
            }
            if (allowUpdate && updateShapes == null) {
                throw new ServeException("updates need the shapes they are checked against (ontology/shapes.ttl)");
            }
            if (maxQueryBytes < 1024) {
                throw new ServeException("--max-query-bytes " + maxQueryBytes + ": too small; give at least 1024");
            }
            if (maxResultBytes < 1024) {
                throw new ServeException("--max-result-bytes " + maxResultBytes + ": too small; give at least 1024");
            }
            if (maxUploadBytes < 1024) {
                throw new ServeException("--max-upload-bytes " + maxUploadBytes + ": too small; give at least 1024");
            }
            for (String url : allowedServices) {
                ServiceAllowList.checkUrl(url);
            }
            return new ServeOptions(this);
        }
    }
}
