package org.parley.serve.pages;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The names the pages read and link to: Parley's namespaces (the knowledge base, the ontology),
 * the borrowed terms (RDFS, SKOS, Web Annotation, ORG, Dublin Core, OWL) as graph nodes, the
 * prefixes of the pages' SPARQL, and this server's path for each IRI of Parley's own.
 */
final class Vocabulary {

    static final String KB = "https://w3id.org/parley/kb/";
    static final String ONT = "https://w3id.org/parley/ontology";
    static final String P = ONT + "#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String OWL = "http://www.w3.org/2002/07/owl#";

    static final Node TYPE = NodeFactory.createURI(RDF + "type");
    static final Node LABEL = NodeFactory.createURI(RDFS + "label");
    static final Node PREF_LABEL = NodeFactory.createURI(SKOS + "prefLabel");
    static final Node ALT_LABEL = NodeFactory.createURI(SKOS + "altLabel");
    static final Node COMMENT = NodeFactory.createURI(RDFS + "comment");
    static final Node DEFINITION = NodeFactory.createURI(SKOS + "definition");
    static final Node EXACT = NodeFactory.createURI(OA + "exact");
    static final Node START = NodeFactory.createURI(OA + "start");
    static final Node END = NodeFactory.createURI(OA + "end");
    static final Node IDENTIFIER = NodeFactory.createURI(DCT + "identifier");
    static final Node NOTE = NodeFactory.createURI(SKOS + "note");
    static final Node EDITORIAL_NOTE = NodeFactory.createURI(SKOS + "editorialNote");
    static final Node ORG_ORGANIZATION = NodeFactory.createURI(ORG + "organization");
    static final Node ORG_MEMBER = NodeFactory.createURI(ORG + "member");
    static final Node SAME_AS = NodeFactory.createURI(OWL + "sameAs");

    static final String PREFIXES = """
            PREFIX parley: <https://w3id.org/parley/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX text: <http://jena.apache.org/text#>
            """;

    private Vocabulary() {}

    /** This server's path for an IRI of Parley (kb, report, ontology), or null for anyone else's. */
    static String localPath(String iri) {
        if (iri.startsWith(KB)) {
            return "/kb/" + iri.substring(KB.length());
        }
        if (iri.equals(ONT)) {
            return "/ontology";
        }
        if (iri.startsWith(P)) {
            return "/ontology#" + iri.substring(P.length());
        }
        return null;
    }
}
