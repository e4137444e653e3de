package org.parley.serve;

import java.io.ByteArrayOutputStream;
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
 * ({@link org.parley.describe.DatasetDescription}, the one the export carries too) in Turtle.
 * The description comes from a {@link DescriptionCache}, worked out once per version of the data;
 * its Turtle is written once per description too (a subset per named graph makes it tens of
 * thousands of triples at 10,000 reports).
 */
final class VoidServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<Model> description;
    private transient Written written;

    private record Written(Model description, byte[] turtle) {
    }

    VoidServlet(Supplier<Model> description) {
        this.description = description;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] turtle = turtle(description.get());
        resp.setContentType("text/turtle; charset=utf-8");
        resp.setContentLength(turtle.length);
        resp.getOutputStream().write(turtle);
    }

    private synchronized byte[] turtle(Model model) {
        if (written == null || written.description() != model) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, model, Lang.TURTLE);
            written = new Written(model, out.toByteArray());
        }
        return written.turtle();
    }
}
