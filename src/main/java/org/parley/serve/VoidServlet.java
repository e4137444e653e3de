package org.parley.serve;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/**
 * {@code /.well-known/void}: the served dataset's VoID/DCAT description
 * ({@link org.parley.describe.DatasetDescription}, the one the export carries too) in Turtle,
 * computed at each request so that it can never disagree with what is served.
 */
final class VoidServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<Model> description;

    VoidServlet(Supplier<Model> description) {
        this.description = description;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Model model = description.get();
        resp.setContentType("text/turtle; charset=utf-8");
        RDFDataMgr.write(resp.getOutputStream(), model, Lang.TURTLE);
    }
}
