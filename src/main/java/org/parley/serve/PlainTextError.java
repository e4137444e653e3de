package org.parley.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** A short plain-text error response: a status and one line saying why and what to do. */
final class PlainTextError {

    private PlainTextError() {
    }

    static void send(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The message in ASCII, other characters written as {@code \\uXXXX}: Fuseki writes its error
     * messages with {@code ServletOutputStream.print}, which fails on anything past Latin-1 (the
     * client then got a 500 "Insufficient content written") and writes Latin-1 where the header
     * says UTF-8. Error messages quote report words and client input, so they pass through here.
     */
    static String ascii(String message) {
        StringBuilder out = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F)) {
                out.append((char) c);
            } else {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format("\\u%04X", (int) unit));
                }
            }
        });
        return out.toString();
    }
}
