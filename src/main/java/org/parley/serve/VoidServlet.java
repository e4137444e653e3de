package org.parley.serve;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * {@code /.well-known/void}: a VoID description of the served dataset in Turtle, from a
 * {@link Supplier} called at each request (the hook for whoever writes the real description).
 * {@link #describe} is the default: the graph {@value #VOID_GRAPH} if the dataset has one,
 * otherwise counts computed from the dataset.
 */
final class VoidServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Named graph that, when present, holds the curated VoID description. */
    static final String VOID_GRAPH = "https://w3id.org/parley/graph/void";
    private static final String VOID = "http://rdfs.org/ns/void#";

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

    /**
     * The default description: a copy of {@value #VOID_GRAPH} if non-empty; otherwise the
     * dataset {@code datasetURL} with its SPARQL endpoint, its triple count (union of the named
     * graphs) and one {@code void:subset} per named graph with that graph's triple count.
     */
    static Model describe(DatasetGraph dsg, String datasetURL, String sparqlURL) {
        return Txn.calculateRead(dsg, () -> {
            Node voidGraph = NodeFactory.createURI(VOID_GRAPH);
            if (dsg.containsGraph(voidGraph) && !dsg.getGraph(voidGraph).isEmpty()) {
                Model copy = ModelFactory.createDefaultModel();
                copy.getGraph().getPrefixMapping().setNsPrefix("void", VOID);
                dsg.getGraph(voidGraph).find().forEachRemaining(copy.getGraph()::add);
                return copy;
            }
            Model m = ModelFactory.createDefaultModel();
            m.setNsPrefix("void", VOID);
            Resource voidDataset = m.createResource(VOID + "Dataset");
            Resource ds = m.createResource(datasetURL)
                    .addProperty(RDF.type, voidDataset)
                    .addProperty(m.createProperty(VOID, "sparqlEndpoint"), m.createResource(sparqlURL))
                    .addProperty(m.createProperty(VOID, "triples"), count(m, dsg.getUnionGraph().size()));
            for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                if (!g.isURI()) {
                    continue;
                }
                Graph graph = dsg.getGraph(g);
                Resource subset = m.createResource(g.getURI())
                        .addProperty(RDF.type, voidDataset)
                        .addProperty(m.createProperty(VOID, "triples"), count(m, graph.size()));
                ds.addProperty(m.createProperty(VOID, "subset"), subset);
            }
            return m;
        });
    }

    private static Literal count(Model m, long n) {
        return m.createTypedLiteral(BigInteger.valueOf(n));
    }
}
