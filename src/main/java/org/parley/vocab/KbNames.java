package org.parley.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * How the knowledge base names its graphs and reports. One report id (the text file's base name,
 * e.g. {@code 003_5eda140543b3a4aa}) gives the report IRI {@code kb/report/<id>} and the named graph
 * {@code graph/<id>} that holds what data/{@code <id>}.ttl says about it.
 */
public final class KbNames {

    /** The ontology's IRI (its namespace without the '#'), also every term's {@code rdfs:isDefinedBy}. */
    public static final String ONTOLOGY_IRI = Parley.NS.substring(0, Parley.NS.length() - 1);

    public static final String GRAPH_BASE = "https://w3id.org/parley/graph/";
    public static final String REPORT_BASE = "https://w3id.org/parley/kb/report/";

    /** The graph holding ontology/parley.ttl. */
    public static final Node ONTOLOGY_GRAPH = graph("ontology");
    /**
     * The graph holding the RDFS and owl:inverseOf entailments of the ontology and the shared data
     * files, materialised at load time; each report's are in {@link #entailmentsOf its own graph}.
     */
    public static final Node ENTAILMENTS_GRAPH = graph("entailments");
    /** The graph the export puts the dataset's VoID/DCAT description in. */
    public static final Node VOID_GRAPH = graph("void");

    private KbNames() {
    }

    /** The named graph for data/{@code <name>}.ttl. */
    public static Node graph(String name) {
        return NodeFactory.createURI(GRAPH_BASE + name);
    }

    /**
     * The graph of what report {@code id}'s triples entail ({@code graph/entailments/<id>}): apart
     * from the shared entailments so that replacing a report replaces only its own.
     */
    public static Node entailmentsOf(String id) {
        return NodeFactory.createURI(ENTAILMENTS_GRAPH.getURI() + "/" + id);
    }

    /** The IRI of the report whose text is data/reports/{@code <id>}.txt. */
    public static Node report(String id) {
        return NodeFactory.createURI(REPORT_BASE + id);
    }

    /**
     * Whether {@code graph} holds materialised entailments: {@link #ENTAILMENTS_GRAPH} (the shared
     * graphs' entailments) or a graph under it, {@code graph/entailments/<reportId>} (one report's).
     */
    public static boolean isEntailmentGraph(Node graph) {
        if (graph == null || !graph.isURI()) {
            return false;
        }
        String iri = graph.getURI();
        String shared = ENTAILMENTS_GRAPH.getURI();
        return iri.equals(shared) || iri.startsWith(shared + "/");
    }

    /** The short name of a graph ({@code 003_5eda140543b3a4aa}, {@code actors}), or null if not one of ours. */
    public static String graphName(Node graph) {
        if (graph == null || !graph.isURI() || !graph.getURI().startsWith(GRAPH_BASE)) {
            return null;
        }
        return graph.getURI().substring(GRAPH_BASE.length());
    }
}
