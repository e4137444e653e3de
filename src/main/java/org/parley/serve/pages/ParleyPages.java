package org.parley.serve.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.parley.vocab.Parley;

/**
 * Parley in the browser: the pages for people who do not write SPARQL, on the same server as the
 * endpoint. One filter routes GET and HEAD requests for its paths and lets everything else through:
 * <ul>
 * <li>{@code /}: the home page ({@link HomePage}); {@code /questions/NAME}: a library question
 *     answered as a table ({@link QuestionPage});</li>
 * <li>{@code /kb/...}: every resource of the knowledge base at the path of its IRI
 *     ({@code https://w3id.org/parley/kb/X} → {@code /kb/X}), as HTML or RDF by content
 *     negotiation or by suffix ({@link ResourceDocument}); reports get {@link ReportPage};</li>
 * <li>{@code /ontology}: the ontology's documentation, or its Turtle ({@link OntologyPage});</li>
 * <li>{@code /search?q=}: {@link SearchPage}; {@code /pictures}: {@link PicturesPage};</li>
 * <li>{@code /reports}, {@code /parties}, {@code /proposals}: the home page's lists, a page at a
 *     time ({@link ListPage}); long lists on other pages are paged too ({@link Paging}), so that
 *     no page's size grows with the corpus;</li>
 * <li>{@code /assets/NAME}: the stylesheet and scripts bundled in the jar.</li>
 * </ul>
 * Every page is built in one read transaction of the served dataset, which the pages read where it
 * lies ({@link Knowledge}), and sent with its length and a {@code Server-Timing} header
 * giving the time spent building it. Nothing here writes to the dataset.
 */
public final class ParleyPages implements Filter {

    private static final Pattern ASSET = Pattern.compile("/assets/([A-Za-z0-9._-]+)");
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "png", "image/png",
            "txt", "text/plain; charset=utf-8");

    private final DatasetGraph served;
    private final LongSupplier generation;
    private final Path queriesDir;
    private volatile Knowledge current;

    /**
     * @param served     the dataset the server serves (its default graph the union of the named
     *                   graphs), read live: each page in one read transaction of it
     * @param generation the state of the data, which changes after every committed update; null
     *                   for a read-only server, whose data never change (labels and the parts of
     *                   pages that depend on the data alone are then computed once)
     * @param queriesDir the query library, or null for none
     */
    public ParleyPages(DatasetGraph served, LongSupplier generation, Path queriesDir) {
        this.served = served;
        this.generation = generation;
        this.queriesDir = queriesDir;
    }

    /** The view for the data as they are now: the last one, unless an update was committed since. */
    private Knowledge knowledge() {
        long now = generation == null ? 0 : generation.getAsLong();
        Knowledge kb = current;
        if (kb == null || kb.generation() != now) {
            kb = Knowledge.live(served, now);
            current = kb;
        }
        return kb;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!("GET".equals(method) || "HEAD".equals(method)) || !ours(path)) {
            chain.doFilter(req, resp);
            return;
        }
        long started = System.nanoTime();
        Page page;
        try {
            // One read transaction per page: the page sees one state of the data.
            page = Txn.calculateRead(served, () -> route(path, request));
        } catch (RuntimeException e) {
            page = Page.error(500, "Internal error", "The page could not be built: " + e.getMessage());
        }
        if (page == null) {
            chain.doFilter(req, resp);
            return;
        }
        double millis = (System.nanoTime() - started) / 1e6;
        response.setHeader("Server-Timing", String.format(java.util.Locale.ROOT, "page;dur=%.1f", millis));
        page.send(request, response);
    }

    private static boolean ours(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/kb/") || path.equals("/kb")
                || path.equals("/ontology") || path.startsWith("/ontology.") || path.startsWith("/questions/")
                || path.equals("/search") || ListPage.Kind.of(path) != null || path.equals("/pictures") || path.startsWith("/pictures/")
                || path.startsWith("/assets/");
    }

    private Page route(String path, HttpServletRequest request) {
        if (path.equals("/")) {
            return HomePage.render(knowledge(), queriesDir);
        }
        if (path.equals("/index.html")) {
            return Page.redirect("/");
        }
        if (path.startsWith("/assets/")) {
            return asset(path);
        }
        if (path.startsWith("/questions/")) {
            return QuestionPage.render(knowledge(), queriesDir, path.substring("/questions/".length()), request);
        }
        if (ListPage.Kind.of(path) != null) {
            return ListPage.render(knowledge(), ListPage.Kind.of(path), Paging.of(request));
        }
        if (path.equals("/search")) {
            return SearchPage.render(knowledge(), request.getParameter("q"));
        }
        if (path.equals("/pictures") || path.startsWith("/pictures/")) {
            return PicturesPage.render(knowledge(), path, request.getParameter("report"));
        }
        if (path.equals("/ontology") || path.startsWith("/ontology.")) {
            return OntologyPage.render(knowledge(), path, request.getHeader("Accept"));
        }
        if (path.equals("/kb") || path.equals("/kb/")) {
            // The knowledge base's own IRI (https://w3id.org/parley/kb): its description is the
            // VoID for programs, the home page for people.
            return Page.redirect(RdfFormat.negotiate(request.getHeader("Accept")) != null ? "/.well-known/void" : "/");
        }
        return resource(path, request);
    }

    private Page resource(String path, HttpServletRequest request) {
        Knowledge kb = knowledge();
        String local = path.substring("/kb/".length() > path.length() ? path.length() : "/kb/".length());
        Node node = NodeFactory.createURI(Vocabulary.KB + local);
        RdfFormat suffix = null;
        if (!kb.exists(node)) {
            for (RdfFormat format : RdfFormat.values()) {
                if (local.endsWith("." + format.suffix)) {
                    Node plain = NodeFactory.createURI(Vocabulary.KB + local.substring(0, local.length() - format.suffix.length() - 1));
                    if (kb.exists(plain)) {
                        node = plain;
                        suffix = format;
                    }
                }
            }
        }
        if (!kb.exists(node)) {
            return Page.error(404, "Not found", "Parley has nothing about " + Vocabulary.KB + local + ".");
        }
        RdfFormat format = suffix != null ? suffix : RdfFormat.negotiate(request.getHeader("Accept"));
        if (format != null) {
            return ResourceDocument.describe(kb, node, format, suffix == null);
        }
        Page page = kb.hasType(node, Parley.Report) ? ReportPage.render(kb, node) : ResourcePage.render(kb, node, Paging.of(request));
        return page.vary();
    }

    private static Page asset(String path) {
        var m = ASSET.matcher(path);
        if (!m.matches()) {
            return Page.error(404, "Not found", "No such file.");
        }
        String name = m.group(1);
        String resource = AssetFiles.resource(name);
        if (resource == null) {
            return Page.error(404, "Not found", "No such file: " + name);
        }
        try (InputStream in = ParleyPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Page.error(404, "Not found", "No such file: " + name);
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return new Page(200, ASSET_TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes())
                    .header("Cache-Control", "public, max-age=3600");
        } catch (IOException e) {
            return Page.error(500, "Internal error", "Cannot read " + name);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
