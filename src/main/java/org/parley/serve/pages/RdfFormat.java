package org.parley.serve.pages;

import java.util.Locale;

import org.apache.jena.riot.RDFFormat;

/** The RDF serialisations a resource IRI answers with, by Accept header or by file suffix. */
enum RdfFormat {
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY),
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY),
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES);

    final String mediaType;
    final String suffix;
    final RDFFormat jena;

    RdfFormat(String mediaType, String suffix, RDFFormat jena) {
        this.mediaType = mediaType;
        this.suffix = suffix;
        this.jena = jena;
    }

    /**
     * The RDF format an Accept header prefers over HTML, or null for HTML (also when there is no
     * header, or it names neither). Quality values are honoured; at equal quality HTML wins, as
     * browsers send {@code text/html} and {@code *}{@code /*} together.
     */
    static RdfFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        double htmlQ = -1;
        double bestQ = -1;
        RdfFormat best = null;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q <= 0) {
                continue;
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                htmlQ = Math.max(htmlQ, q);
                continue;
            }
            for (RdfFormat f : values()) {
                boolean matches = type.equals(f.mediaType)
                        || (f == NTRIPLES && type.equals("text/plain"))
                        || (f == JSONLD && type.equals("application/json"))
                        || (f == TURTLE && type.equals("application/x-turtle"));
                if (matches && q > bestQ) {
                    bestQ = q;
                    best = f;
                }
            }
        }
        return best != null && bestQ > htmlQ ? best : null;
    }
}
