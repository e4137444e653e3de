package org.parley.serve.pages;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A response built in memory: status, content type, headers and body. */
final class Page {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Page(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    static Page html(String html) {
        return new Page(200, "text/html; charset=utf-8", ParleyPages.utf8(html));
    }

    static Page error(int status, String title, String message) {
        return new Page(status, "text/html; charset=utf-8",
                ParleyPages.utf8(Html.page(title, null, "<p>" + Html.esc(message) + "</p><p><a href=\"/\">Parley home</a></p>", null, null)));
    }

    static Page redirect(String location) {
        return new Page(303, "text/plain; charset=utf-8", ParleyPages.utf8("See " + location + "\n")).header("Location", location);
    }

    Page header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The page differs by the Accept header (content negotiation). */
    Page vary() {
        return header("Vary", "Accept");
    }

    int status() {
        return status;
    }

    void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        headers.forEach(response::setHeader);
        if (!headers.containsKey("Cache-Control")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
