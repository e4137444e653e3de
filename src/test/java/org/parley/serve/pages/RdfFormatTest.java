package org.parley.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which answer an Accept header gets: a page (null) or an RDF format. */
class RdfFormatTest {

    @Test
    void browsersGetThePage() {
        assertNull(RdfFormat.negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"));
        assertNull(RdfFormat.negotiate(null));
        assertNull(RdfFormat.negotiate(""));
        assertNull(RdfFormat.negotiate("*/*"));
        assertNull(RdfFormat.negotiate("text/turtle;q=0.5, text/html"));
        assertNull(RdfFormat.negotiate("text/turtle, text/html"), "at equal quality the page wins");
    }

    @Test
    void rdfClientsGetTheirFormat() {
        assertEquals(RdfFormat.TURTLE, RdfFormat.negotiate("text/turtle"));
        assertEquals(RdfFormat.JSONLD, RdfFormat.negotiate("application/ld+json"));
        assertEquals(RdfFormat.RDFXML, RdfFormat.negotiate("application/rdf+xml"));
        assertEquals(RdfFormat.NTRIPLES, RdfFormat.negotiate("application/n-triples"));
        assertEquals(RdfFormat.TURTLE, RdfFormat.negotiate("text/html;q=0.5, text/turtle"));
        assertEquals(RdfFormat.JSONLD, RdfFormat.negotiate("text/turtle;q=0.8, application/ld+json;q=0.9, */*;q=0.1"));
        assertNull(RdfFormat.negotiate("text/turtle;q=0"), "q=0 means not acceptable");
    }
}
