package org.parley.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body over the limit before any of it is parsed: HTTP 413 at once when the
 * declared {@code Content-Length} is over it; a body sent without a length (chunked) is read up to
 * the limit and refused as soon as it passes it, so a client cannot make the server hold more.
 * Form posts must declare their length (411): the container parses form bodies itself.
 */
final class BodyLimit implements Filter {

    private final long maxQueryBody;
    private final long maxUploadBytes;

    /**
     * @param maxQueryBytes  the longest query or update text; its endpoints accept a body of up to
     *                       three times that (a form-encoded byte takes up to three), the text
     *                       itself is then measured by {@link QueryGuard}
     * @param maxUploadBytes the largest Graph Store upload
     */
    BodyLimit(int maxQueryBytes, long maxUploadBytes) {
        this.maxQueryBody = 3L * maxQueryBytes + 1024;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String endpoint = Endpoints.of(request);
        if (endpoint == null) {   // not the dataset: Parley's pages and the editor's files are read only
            chain.doFilter(req, resp);
            return;
        }
        boolean sparql = Endpoints.isQuery(endpoint) || "update".equals(endpoint);
        long maxBytes = sparql ? maxQueryBody : maxUploadBytes;
        String what = sparql ? "--max-query-bytes" : "--max-upload-bytes";
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, declared + " bytes", maxBytes, what);
            return;
        }
        if (declared < 0 && hasBody(request)) {
            String type = request.getContentType();
            if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                PlainTextError.send(response, 411, "Length Required: send a Content-Length with a form post");
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                refuse(response, "more than " + maxBytes + " bytes", maxBytes, what);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), resp);
            return;
        }
        chain.doFilter(req, resp);
    }

    private static void refuse(HttpServletResponse response, String size, long maxBytes, String what)
            throws IOException {
        response.setHeader("Connection", "close");
        PlainTextError.send(response, 413, "Request too large: " + size + "; this server accepts at most " + maxBytes
                + " bytes here (parley serve " + what + ")");
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)
                || request.getHeader("Transfer-Encoding") != null;
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }
}
