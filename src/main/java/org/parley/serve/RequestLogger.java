package org.parley.serve;

import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per HTTP request, whatever served it (SPARQL, UI files, the query library, or a
 * 401 from the security handler): client, method, path and query, status, milliseconds.
 * Logger {@value #LOGGER_NAME} at INFO; the long query strings are cut at {@value #MAX_TARGET}
 * characters.
 */
final class RequestLogger implements RequestLog {

    static final String LOGGER_NAME = "org.parley.serve.request";
    private static final int MAX_TARGET = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        String target = request.getHttpURI().getPathQuery();
        if (target != null && target.length() > MAX_TARGET) {
            target = target.substring(0, MAX_TARGET) + "...";
        }
        LOG.info("{} {} {} {} {}ms", Request.getRemoteAddr(request), request.getMethod(), target,
                response.getStatus(), millis);
    }
}
