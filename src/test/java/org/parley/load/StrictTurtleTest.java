package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Parser messages are for people: the classes that raised them are left out. */
class StrictTurtleTest {

    @Test
    void javaExceptionNamesAreLeftOutOfParserMessages() {
        // What the IRI checker said for a mangled host name, found by TurtleFuzzTest.
        String jena = "Bad IRI: <https://w3id.o\u00ffg/parley/kb/> Code: 35/BAD_IDN in HOST: The Internationalized Domain"
                + " Name check failed. java.text.ParseException: A prohibited code point was found in the input";
        assertEquals("Bad IRI: <https://w3id.o\u00ffg/parley/kb/> Code: 35/BAD_IDN in HOST: The Internationalized Domain"
                + " Name check failed. A prohibited code point was found in the input", StrictTurtle.plain(jena));
        assertEquals("Expected '.' after a triple", StrictTurtle.plain("Expected '.' after a triple"));
    }
}
