package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** Prefixed names both ways: what the exporter writes, the compiler reads back. */
class IriCellsTest {

    @Test
    void theLongestNamespaceWhoseLocalPartACellCanWriteIsUsed() {
        assertEquals("report:000", IriCells.prefixedOrFull(NodeFactory.createURI(SheetVocabulary.REPORT + "000")));
        assertEquals("kb:Hamas", IriCells.prefixedOrFull(NodeFactory.createURI(SheetVocabulary.KB + "Hamas")));
        assertEquals("xsd:date", IriCells.prefixedOrFull(NodeFactory.createURI("http://www.w3.org/2001/XMLSchema#date")));
        assertEquals("<https://w3id.org/parley/kb/a/b/c>", IriCells.prefixedOrFull(NodeFactory.createURI(SheetVocabulary.KB + "a/b/c")));
        assertEquals("<http://example.org/x>", IriCells.prefixedOrFull(NodeFactory.createURI("http://example.org/x")));
    }

    @Test
    void whatIsWrittenExpandsBack() {
        for (String uri : new String[] {SheetVocabulary.REPORT + "000", "http://www.wikidata.org/entity/Q37827",
                "http://www.w3.org/ns/org#member"}) {
            assertEquals(uri, IriCells.expand(IriCells.prefixedOrFull(NodeFactory.createURI(uri))).getURI());
        }
        assertNull(IriCells.expand("nope:x"));
        assertNull(IriCells.expand("kb:"));
        assertNull(IriCells.expand("kb:two words"));
    }

    @Test
    void theLocalNameIsAfterTheLastHashOrSlash() {
        assertEquals("acceptance", IriCells.localName(SheetVocabulary.parley("acceptance")));
        assertEquals("000", IriCells.localName(NodeFactory.createURI(SheetVocabulary.REPORT + "000")));
    }
}
