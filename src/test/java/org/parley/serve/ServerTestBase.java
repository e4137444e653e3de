package org.parley.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.AfterEach;

/**
 * Shared base of the server tests: starts a real {@link ParleyServer} on a free loopback port,
 * stops it after each test, and talks to it over HTTP with {@link java.net.http.HttpClient}.
 */
abstract class ServerTestBase {

    // HTTP/1.1: the JDK client's default h2c upgrade attempt is not what real clients send.
    protected static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    protected ParleyServer server;

    /** Starts the server on port 0 of 127.0.0.1 with {@code options} (whose port is ignored). */
    protected ParleyServer start(Dataset dataset, ServeOptions.Builder options) {
        server = ParleyServer.start(dataset, options.host("127.0.0.1").port(0).build());
        return server;
    }

    protected ParleyServer start(Dataset dataset) {
        return start(dataset, ServeOptions.builder());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A URL on the running server: {@code path} starts with "/". */
    protected String url(String path) {
        return server.serverURL() + path.substring(1);
    }

    protected static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** GET {@code /parley/sparql?query=...} with an Accept header. */
    protected HttpResponse<String> query(String query, String accept) {
        return get(server.sparqlURL() + "?query=" + encode(query), accept);
    }

    protected HttpResponse<String> get(String url, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.build());
    }

    /** POST a body with a content type, optionally with basic auth ({@code user} null for none). */
    protected HttpResponse<String> post(String url, String contentType, String body, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        return send(b.build());
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // After an error response that left a request body unread, Jetty closes the
                // connection; the client may already have picked that pooled connection for the
                // next request. The JDK retries only idempotent methods itself: retry once here.
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
