package org.parley.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the Parley ontology (ontology/parley.ttl) that the Java code relies on, as Jena
 * nodes. Grouped as in the Turtle file; {@code ParleyTest} checks that each one is declared there.
 */
public final class Parley {

    /** The ontology's IRI, also the object of every term's {@code rdfs:isDefinedBy}. */
    public static final String ONTOLOGY_IRI = "https://w3id.org/parley/ontology";
    public static final String NS = ONTOLOGY_IRI + "#";

    // -- Classes --------------------------------------------------------------------------------
    public static final Node Report = term("Report");
    public static final Node Claim = term("Claim");
    public static final Node Excerpt = term("Excerpt");

    // -- Object properties ----------------------------------------------------------------------
    public static final Node inReport = term("inReport");
    public static final Node hasExcerpt = term("hasExcerpt");

    // -- Data properties ------------------------------------------------------------------------
    public static final Node fileName = term("fileName");
    public static final Node fullText = term("fullText");
    public static final Node quotation = term("quotation");

    private Parley() {
    }

    private static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }
}
