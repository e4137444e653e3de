package org.parley.serve;

import java.util.Iterator;

import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphZero;

/**
 * The Graph Store protocol over a dataset whose default graph is the union of its named graphs:
 * {@code ?default} and {@code ?graph=} are served as they are, but a download of the whole
 * dataset gives each quad once — the named graphs only, since the default graph is made of them
 * (served as is, the union would be written a second time as the default graph).
 */
final class DatasetDownload {

    private DatasetDownload() {
    }

    /** {@code /parley/get}: Graph Store read. */
    static final class Read extends GSP_R {
        @Override
        protected DatasetGraph decideDataset(HttpAction action) {
            DatasetGraph dsg = super.decideDataset(action);
            return isQuads(action) ? namedGraphsOnly(dsg) : dsg;
        }
    }

    /** {@code /parley/data}: Graph Store read-write (with --allow-update). */
    static final class ReadWrite extends GSP_RW {
        @Override
        protected DatasetGraph decideDataset(HttpAction action) {
            DatasetGraph dsg = super.decideDataset(action);
            return isQuads(action) && "GET".equals(action.getRequestMethod()) ? namedGraphsOnly(dsg) : dsg;
        }
    }

    /** The named graphs of {@code dsg}, with an empty default graph. */
    static DatasetGraph namedGraphsOnly(DatasetGraph dsg) {
        return new DatasetGraphWrapper(dsg) {
            @Override
            public Graph getDefaultGraph() {
                return GraphZero.instance();
            }

            @Override
            public Iterator<Quad> find() {
                return findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            }

            @Override
            public Iterator<Quad> find(Quad quad) {
                return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
            }

            @Override
            public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
                if (g == null || Node.ANY.equals(g)) {
                    return findNG(Node.ANY, s, p, o);
                }
                if (Quad.isDefaultGraph(g)) {
                    return java.util.Collections.emptyIterator();
                }
                return super.find(g, s, p, o);
            }
        };
    }
}
