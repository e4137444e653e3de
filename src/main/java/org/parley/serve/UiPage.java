package org.parley.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web UI's start page ({@code /} and {@code /index.html}, from jena-fuseki-ui) with the
 * actions this server refuses taken out, so that nobody is offered a button that can only fail:
 * dataset management ({@code manage}, remove, backup, compact — Fuseki's admin module is never
 * installed), and on a read-only server {@code add data} and {@code edit}. A few lines of CSS and
 * script are added to the page, inline (nothing is fetched from elsewhere); the UI's own files are
 * served unchanged. Pages reached by address are sent back to the query page.
 */
final class UiPage implements Filter {

    private final byte[] page;

    UiPage(boolean readOnly) {
        this.page = page(readOnly);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean startPage = path.equals("/") || path.equals("/index.html");
        if (!startPage || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            chain.doFilter(req, resp);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) resp;
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(page.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(page);
        }
    }

    /** The UI's index.html with Parley's additions before {@code </head>}. */
    static byte[] page(boolean readOnly) {
        String html;
        try (InputStream in = UiPage.class.getClassLoader().getResourceAsStream("webapp/index.html")) {
            if (in == null) {
                throw new ServeException("the web UI files (webapp/index.html from jena-fuseki-ui) are not on the classpath");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServeException("cannot read the web UI's index.html: " + e.getMessage(), e);
        }
        String refusedLinks = "a[href=\"#/manage\"]" + (readOnly ? ", a[href$=\"/upload\"], a[href$=\"/edit\"]" : "");
        String refusedButtons = readOnly ? "['add data', 'edit', 'remove', 'backup', 'compact']" : "['remove', 'backup', 'compact']";
        String refusedRoutes = readOnly ? "/^#\\/(manage|dataset\\/[^/]+\\/(upload|edit))/" : "/^#\\/manage/";
        String additions = """
                <!-- Parley: actions this server refuses are not offered (see org.parley.serve.UiPage). -->
                <style>%s { display: none !important; }</style>
                <script>
                (function () {
                  var refused = %s;
                  function sweep() {
                    if (%s.test(location.hash)) { location.hash = '#/dataset/%s/query'; }
                    document.querySelectorAll('button').forEach(function (b) {
                      if (refused.indexOf(b.textContent.trim().toLowerCase()) >= 0) { b.style.setProperty('display', 'none', 'important'); }
                    });
                  }
                  window.addEventListener('hashchange', sweep);
                  document.addEventListener('DOMContentLoaded', function () {
                    new MutationObserver(sweep).observe(document.body, { subtree: true, childList: true });
                    sweep();
                  });
                })();
                </script>
                """.formatted(refusedLinks, refusedButtons, refusedRoutes, ParleyServer.DATASET_NAME);
        int head = html.indexOf("</head>");
        return (html.substring(0, head) + additions + html.substring(head)).getBytes(StandardCharsets.UTF_8);
    }
}
