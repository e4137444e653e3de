package org.parley.serve.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.parley.serve.ParleyServer;

/** GET a path of a running server, as the page tests do. */
final class PagesOverHttpTestAccess {

    private PagesOverHttpTestAccess() {}

    static HttpResponse<String> get(ParleyServer server, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.serverURL() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build();
        try {
            return PagesOverHttpTest.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
