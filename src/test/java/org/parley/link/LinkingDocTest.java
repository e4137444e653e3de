package org.parley.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;

/** docs/linking.md stays true: its link and CAMEO mapping tables say what the data files say. */
class LinkingDocTest {

    private static final String KB = "https://w3id.org/parley/kb/";
    private static final String PARLEY = "https://w3id.org/parley/ontology#";
    private static final String CAMEO = "https://w3id.org/parley/cameo/";

    @Test
    void theLinkTableListsEveryOwlSameAs() throws Exception {
        Model data = ModelFactory.createDefaultModel();
        for (String file : List.of("data/actors.ttl", "data/terms.ttl")) {
            RDFDataMgr.read(data, file);
        }
        Set<String> inData = new TreeSet<>();
        for (Statement link : data.listStatements(null, OWL.sameAs, (RDFNode) null).toList()) {
            inData.add(shorten(link.getSubject().getURI()) + " " + shorten(link.getResource().getURI()));
        }
        Set<String> inDoc = new TreeSet<>();
        for (List<String> row : tableRows("| resource | label | Wikidata | DBpedia |")) {
            inDoc.add(row.get(0) + " " + row.get(2));
            inDoc.add(row.get(0) + " " + row.get(3));
        }
        assertEquals(inData, inDoc);
    }

    @Test
    void theCameoTableListsEveryMapping() throws Exception {
        Model cameo = RDFDataMgr.loadModel("data/cameo.ttl");
        Set<String> inData = new TreeSet<>();
        for (var property : List.of(SKOS.closeMatch, SKOS.broadMatch)) {
            for (Statement link : cameo.listStatements(null, property, (RDFNode) null).toList()) {
                inData.add(shorten(link.getSubject().getURI()) + " " + property.getLocalName() + " "
                        + link.getResource().getURI().substring(CAMEO.length()));
            }
        }
        Set<String> inDoc = new TreeSet<>();
        for (List<String> row : tableRows("| Parley | SKOS | CAMEO | CAMEO name | why |")) {
            if (!row.get(1).equals("—")) {
                inDoc.add(row.get(0) + " " + row.get(1) + " " + row.get(2));
                assertEquals(CameoCodes.read().names().get(row.get(2)), row.get(3), row.toString());
            }
        }
        assertEquals(inData, inDoc);
    }

    /** The cells of the table whose header line is given, up to the first line not in the table. */
    private static List<List<String>> tableRows(String header) throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.REAL_PROJECT.resolve("docs/linking.md"));
        int start = lines.indexOf(header);
        if (start < 0) {
            throw new AssertionError("docs/linking.md has no table headed " + header);
        }
        return lines.subList(start + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .map(line -> List.of(line.substring(1, line.length() - 1).split("\\|")).stream().map(String::strip).toList())
                .toList();
    }

    private static String shorten(String iri) {
        for (String[] prefix : new String[][] {{"kb:", KB}, {"parley:", PARLEY},
                {"wd:", "http://www.wikidata.org/entity/"}, {"dbr:", "http://dbpedia.org/resource/"}}) {
            if (iri.startsWith(prefix[1])) {
                return prefix[0] + iri.substring(prefix[1].length());
            }
        }
        return iri;
    }
}
