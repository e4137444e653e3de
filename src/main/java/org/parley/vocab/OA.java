package org.parley.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The Web Annotation terms (http://www.w3.org/ns/oa#) an excerpt uses to anchor itself in a text. */
public final class OA {

    public static final String NS = "http://www.w3.org/ns/oa#";

    /** The verbatim words of the excerpt. */
    public static final Node exact = NodeFactory.createURI(NS + "exact");
    /** Offset of the excerpt's first code point in the report text, 0-based. */
    public static final Node start = NodeFactory.createURI(NS + "start");
    /** Offset just after the excerpt's last code point (exclusive). */
    public static final Node end = NodeFactory.createURI(NS + "end");

    private OA() {
    }
}
