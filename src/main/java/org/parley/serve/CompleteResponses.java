package org.parley.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Never a 200 with a broken document: a query's answer is written to memory first, and only sent
 * once it is complete, with its {@code Content-Length}. A query that times out while its rows are
 * being written therefore gets a clean HTTP 503, not a cut-off JSON or XML document that a client
 * would have to detect. The price is memory, so the buffer is capped: an answer over
 * {@code maxBytes} is abandoned as soon as it passes the cap and the client gets HTTP 422 saying
 * to ask for fewer rows (LIMIT/OFFSET). The cap is what bounds one request's memory.
 */
final class CompleteResponses implements Filter {

    private final long maxBytes;

    CompleteResponses(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) resp;
        if (!Endpoints.isQuery(Endpoints.of((jakarta.servlet.http.HttpServletRequest) req))) {
            chain.doFilter(req, resp);
            return;
        }
        Buffered buffered = new Buffered(response, maxBytes);
        try {
            chain.doFilter(req, buffered);
        } finally {
            if (buffered.overflowed) {
                PlainTextError.send(response, 422, "Result too large: the answer passed " + maxBytes
                        + " bytes, this server's limit (parley serve --max-result-bytes). Ask for fewer rows"
                        + " with LIMIT and OFFSET, or fewer columns.");
            } else if (buffered.failedWhileWriting) {
                // Fuseki's only change from 200 to an error after it began writing an answer is
                // its "cancelled during output" path: the timeout went off between rows.
                PlainTextError.send(response, 503, "Query timed out");
            } else if (!response.isCommitted()) {
                buffered.flushWriter();
                response.setContentLengthLong(buffered.body.size());
                buffered.body.writeTo(response.getOutputStream());
            }
        }
    }

    /** Thrown into the writer when the answer passes the cap, to stop the query's work early. */
    static final class ResultTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        ResultTooLarge(long maxBytes) {
            super("result larger than " + maxBytes + " bytes (--max-result-bytes)");
        }
    }

    /** A byte buffer that refuses to grow past its cap. */
    private static final class CappedBuffer extends ByteArrayOutputStream {
        private final long cap;

        CappedBuffer(long cap) {
            super(8192);
            this.cap = cap;
        }

        boolean fits(int more) {
            return count + (long) more <= cap;
        }
    }

    /**
     * The response as the servlet sees it: headers and status go through (nothing is committed
     * until the filter sends the body), the body goes to the buffer, and an error status set after
     * some of the body was written discards that part, so the error message stands alone.
     */
    private static final class Buffered extends HttpServletResponseWrapper {
        private final CappedBuffer body;
        private final long maxBytes;
        private boolean overflowed;
        private boolean answerStarted;
        private boolean failedWhileWriting;
        private PrintWriter writer;
        private ServletOutputStream stream;

        Buffered(HttpServletResponse response, long maxBytes) {
            super(response);
            this.maxBytes = maxBytes;
            this.body = new CappedBuffer(maxBytes);
        }

        @Override
        public void setStatus(int sc) {
            if (sc >= 400) {
                if (answerStarted) {
                    failedWhileWriting = true;
                }
                discardBody();
            } else if (sc == 200) {
                // Fuseki sets 200 as it starts writing an answer.
                answerStarted = true;
            }
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            discardBody();
            super.setStatus(sc);
            if (msg != null) {
                setContentType("text/plain; charset=utf-8");
                getOutputStream().write((msg + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        private void discardBody() {
            flushWriter();
            body.reset();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        check(1);
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        check(len);
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking writes only");
                    }
                };
            }
            return stream;
        }

        private void check(int more) throws IOException {
            if (overflowed || !body.fits(more)) {
                overflowed = true;
                body.reset();
                throw new ResultTooLarge(maxBytes);
            }
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void flushBuffer() {
            // Nothing is sent before the answer is complete.
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            super.reset();
        }

        @Override
        public void setContentLength(int len) {
            // Set by the filter from the buffer.
        }

        @Override
        public void setContentLengthLong(long len) {
            // Set by the filter from the buffer.
        }

        @Override
        public void setBufferSize(int size) {
            // The buffer is the whole answer.
        }
    }
}
