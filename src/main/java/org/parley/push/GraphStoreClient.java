package org.parley.push;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP side of a SPARQL 1.1 Graph Store Protocol endpoint, for one user: {@code PUT} and
 * {@code GET} of a named graph ({@code ?graph=IRI}, indirect identification), answering the store's
 * authentication challenge (Basic or Digest, see {@link HttpAuthentication}) when credentials are
 * given. Every failure is a {@link PushException} that says what went wrong in the user's terms:
 * unreachable, credentials missing or refused, or the store's own message, cut short.
 */
public final class GraphStoreClient {

    /** How long to wait for a connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long one request may take: generous, since one graph may be large. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** How much of a store's error message is shown. */
    static final int MESSAGE_LIMIT = 300;

    private final URI endpoint;
    private final StoreCredentials credentials;
    private final HttpClient http;
    private HttpAuthentication authentication;
    private boolean probed;
    private boolean accepted;

    /** The media type graphs are sent in: N-Triples, which every store reads and which streams. */
    static final String N_TRIPLES = "application/n-triples";

    private GraphStoreClient(URI endpoint, StoreCredentials credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        // HTTP/1.1: some stores (Virtuoso 7) answer an HTTP/2 upgrade attempt badly.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A client for the endpoint ({@code http} or {@code https}, without a fragment); credentials may
     * be null for a store that lets anyone write.
     */
    public static GraphStoreClient of(URI endpoint, StoreCredentials credentials) throws PushException {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!endpoint.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new PushException("--into " + endpoint + ": not an http:// or https:// URL of a Graph Store endpoint,"
                    + " e.g. http://127.0.0.1:3030/ds/data or http://127.0.0.1:8890/sparql-graph-crud-auth");
        }
        if (endpoint.getRawFragment() != null) {
            throw new PushException("--into " + endpoint + ": a Graph Store endpoint URL has no #fragment");
        }
        return new GraphStoreClient(endpoint, credentials);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Replaces the named graph with the N-Triples body; returns the HTTP status (200, 201 or 204). */
    public int put(String graphIri, byte[] nTriples) throws PushException {
        HttpResponse<String> response = send("PUT", graphIri, HttpRequest.BodyPublishers.ofByteArray(nTriples));
        return response.statusCode();
    }

    /** The named graph as the store sends it, with its media type; a graph the store lacks is a 404. */
    public Fetched get(String graphIri) throws PushException {
        HttpResponse<String> response = send("GET", graphIri, null);
        return new Fetched(response.body(), response.headers().firstValue("Content-Type").orElse(N_TRIPLES));
    }

    /** A graph as fetched: its text and the media type the store gave it. */
    public record Fetched(String body, String contentType) {
    }

    /** The URL of one graph: the endpoint with {@code graph=IRI} added to its query string. */
    URI graphUrl(String graphIri) {
        String url = endpoint.toString();
        return URI.create(url + (endpoint.getRawQuery() == null ? "?" : "&") + "graph="
                + URLEncoder.encode(graphIri, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String graphIri, HttpRequest.BodyPublisher body) throws PushException {
        URI url = graphUrl(graphIri);
        if (!probed) {
            // Learn the store's challenge before sending a body (see dropped below): HEAD is safe,
            // and any answer but 401 just means there is nothing to learn.
            probed = true;
            HttpResponse<String> probe = exchange("HEAD", url, null);
            if (probe.statusCode() == 401) {
                answer(probe, method, url);
            }
        }
        HttpResponse<String> response = exchangeOrAsk(method, url, body);
        if (response.statusCode() == 401) {
            answer(response, method, url);
            response = exchangeOrAsk(method, url, body);
            if (response.statusCode() == 401) {
                throw new PushException(method + " " + url + ": HTTP 401: the store refused the credentials of user '"
                        + credentials.user() + "' (" + authentication.scheme() + " authentication"
                        + (accepted ? ", after it had accepted them" : "") + "): check the --credentials file");
            }
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            accepted |= authentication != null;
            return response;
        }
        throw new PushException(method + " " + url + ": " + explain(status, response.body()));
    }

    /**
     * The request's answer; or, when the connection closed under its body, the answer to the same
     * URL asked without a body if that is a 401. A store refusing a request (Virtuoso's 401 for a
     * stale nonce or wrong credentials) may answer before it has read the body and close the
     * connection, and the client then loses the answer.
     */
    private HttpResponse<String> exchangeOrAsk(String method, URI url, HttpRequest.BodyPublisher body) throws PushException {
        try {
            return exchange(method, url, body);
        } catch (Dropped dropped) {
            HttpResponse<String> probe = exchange("HEAD", url, null);
            if (probe.statusCode() != 401) {
                throw dropped;
            }
            return probe;
        }
    }

    /** Takes up the challenge of a 401; without credentials, or with none Parley speaks, fails saying so. */
    private void answer(HttpResponse<String> unauthorized, String method, URI url) throws PushException {
        if (credentials == null) {
            throw new PushException(method + " " + url + ": " + explain(401, unauthorized.body()));
        }
        List<String> challenges = unauthorized.headers().allValues("WWW-Authenticate");
        HttpAuthentication answer = HttpAuthentication.answering(challenges, credentials);
        if (answer == null) {
            throw new PushException(method + " " + url + ": HTTP 401, and the store asks for authentication Parley"
                    + " does not speak (" + String.join(", ", HttpAuthentication.schemes(challenges))
                    + "); Parley answers Basic and Digest");
        }
        authentication = answer;
    }

    /** The connection closed under a request with a body, before an answer was read. */
    private static final class Dropped extends PushException {
        Dropped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private HttpResponse<String> exchange(String method, URI url, HttpRequest.BodyPublisher body) throws PushException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", N_TRIPLES + ", text/turtle;q=0.9");
        } else {
            request.method(method, body).header("Content-Type", N_TRIPLES + "; charset=utf-8");
        }
        if (authentication != null) {
            String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            request.header("Authorization", authentication.header(method, target));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException slow) {
            throw new PushException("cannot reach " + endpoint + ": no connection within "
                    + CONNECT_TIMEOUT.toSeconds() + " s; is the store running, and is the URL right?", slow);
        } catch (HttpTimeoutException slow) {
            throw new PushException(method + " " + url + ": no answer within " + REQUEST_TIMEOUT.toMinutes() + " min", slow);
        } catch (ConnectException refused) {
            throw new PushException("cannot reach " + endpoint + ": connection refused; is the store running, and is the"
                    + " host and port right?", refused);
        } catch (IOException failed) {
            if (failed.getCause() instanceof UnknownHostException) {
                throw new PushException("cannot reach " + endpoint + ": unknown host " + endpoint.getHost(), failed);
            }
            String message = method + " " + url + ": the connection closed before the store answered (" + failed.getMessage() + ")";
            throw body == null ? new PushException(message, failed) : new Dropped(message, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PushException(method + " " + url + ": interrupted", interrupted);
        }
    }

    /** What an error status means for a push, with the store's own message cut short. */
    static String explain(int status, String body) {
        String message = storeMessage(body);
        String said = message.isEmpty() ? "" : "; the store said: " + message;
        return switch (status) {
            case 401 -> "HTTP 401: the store wants credentials; give them with --credentials FILE (a line 'user:password')" + said;
            case 403 -> "HTTP 403: the store refused the write: the credentials are missing or not allowed to write"
                    + " there" + said;
            case 404 -> "HTTP 404: no Graph Store endpoint at this URL (Fuseki: http://HOST:PORT/DATASET/data;"
                    + " Virtuoso: http://HOST:PORT/sparql-graph-crud-auth)" + said;
            case 405 -> "HTTP 405: the endpoint does not accept this method; is it a read-only endpoint?" + said;
            case 413 -> "HTTP 413: the store refused the graph as too large; raise its upload limit" + said;
            case 501 -> "HTTP 501: the server does not implement this method here; is the URL its Graph Store endpoint?" + said;
            case 415 -> "HTTP 415: the store does not read N-Triples (application/n-triples) here" + said;
            default -> "HTTP " + status + said;
        };
    }

    /** The store's message as one short line: HTML tags dropped, spaces collapsed, cut to {@value #MESSAGE_LIMIT} characters. */
    static String storeMessage(String body) {
        if (body == null) {
            return "";
        }
        String text = body.replaceAll("(?is)<(script|style|head)\\b.*?</\\1>", " ")
                .replaceAll("<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + "...";
    }
}
