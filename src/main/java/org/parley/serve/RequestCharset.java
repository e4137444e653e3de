package org.parley.serve;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request whose {@code Content-Type} names a character set Java does not know
 * ({@code application/x-www-form-urlencoded; charset=nope}) is refused with HTTP 415 and one
 * plain-text line. Without this, the first filter or servlet to read a parameter or the body made
 * the container throw {@code UnsupportedCharsetException}: HTTP 500, with the exception's name
 * on Jetty's error page (found by FuzzTest). Runs first, on every path.
 */
final class RequestCharset implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String charset = charset(((HttpServletRequest) req).getHeader("Content-Type"));
        if (charset != null && !isSupported(charset)) {
            PlainTextError.send((HttpServletResponse) resp, 415, "Unsupported charset in Content-Type: '"
                    + QueryGuard.cut(charset) + "'. Send the request in UTF-8 (charset=utf-8, or no charset).");
            return;
        }
        chain.doFilter(req, resp);
    }

    /** The {@code charset} parameter of a media type, unquoted; null when absent or empty. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("charset")) {
                String value = part.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).strip();
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
