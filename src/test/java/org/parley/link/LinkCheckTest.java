package org.parley.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.load.ProjectLayout;
import org.parley.load.ProjectReader;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.vocab.KbNames;

/**
 * The links of the real data pass {@link LinkCheck}; small broken graphs show that each rule
 * fires. The verified ids are docs/wikidata-ids.md, the repository's copy of the shared list.
 */
class LinkCheckTest {

    private static final String PREFIXES = """
            @prefix parley: <https://w3id.org/parley/ontology#> .
            @prefix kb:     <https://w3id.org/parley/kb/> .
            @prefix owl:    <http://www.w3.org/2002/07/owl#> .
            @prefix wd:     <http://www.wikidata.org/entity/> .
            @prefix dbr:    <http://dbpedia.org/resource/> .
            """;

    private static VerifiedWikidataIds verified;
    private static ParsedProject real;

    @BeforeAll
    static void read() throws Exception {
        verified = VerifiedWikidataIds.read(Fixtures.REAL_PROJECT.resolve(VerifiedWikidataIds.FILE));
        real = ProjectReader.read(ProjectLayout.at(Fixtures.REAL_PROJECT));
    }

    @Test
    void theVerifiedTableIsReadWithItsDbpediaTitles() {
        assertEquals(17, verified.asMap().size(), "rows of docs/wikidata-ids.md");
        assertEquals("Benjamin_Netanyahu", verified.dbpediaTitle("Q43723"));
        assertEquals("The_Wall_Street_Journal", verified.dbpediaTitle("Q164746"));
        // The traps the table warns about are not in it.
        assertFalse(verified.contains("Q42775"));
        assertFalse(verified.contains("Q5588642"));
        assertFalse(verified.contains("Q128172378"));
    }

    @Test
    void theRealDataPass() {
        List<Problem> problems = new LinkCheck(verified).check(real);
        assertEquals(List.of(), problems);
    }

    @Test
    void theRealDataLinkTheActorsTheTableNames() {
        // Spot checks written from docs/wikidata-ids.md and data/actors.ttl.
        Graph actors = real.dataGraphs().get(KbNames.graph("actors"));
        assertTrue(actors.contains(node("https://w3id.org/parley/kb/Hamas"), sameAs(), node("http://www.wikidata.org/entity/Q38799")));
        assertTrue(actors.contains(node("https://w3id.org/parley/kb/BenjaminNetanyahu"), sameAs(), node("http://www.wikidata.org/entity/Q43723")));
        assertTrue(actors.contains(node("https://w3id.org/parley/kb/Gaza"), sameAs(), node("http://dbpedia.org/resource/Gaza_Strip")));
    }

    @Test
    void aWikidataPageUrlIsNotAnEntityIri() {
        List<Problem> problems = check("""
                kb:Hamas a parley:ArmedGroup ; owl:sameAs <https://www.wikidata.org/wiki/Q38799> ;
                    parley:noLinkReason "placeholder" .
                """);
        assertRules(List.of(LinkCheck.FORM), problems);
    }

    @Test
    void aDbpediaPageUrlIsNotAResourceIri() {
        List<Problem> problems = check("""
                kb:Hamas a parley:ArmedGroup ; owl:sameAs wd:Q38799 , <https://en.wikipedia.org/wiki/Hamas> ,
                    <http://dbpedia.org/page/Hamas> .
                """);
        assertRules(List.of(LinkCheck.FORM, LinkCheck.TARGET), problems);
    }

    @Test
    void twoActorsCannotShareAnId() {
        List<Problem> problems = check("""
                kb:Hamas a parley:ArmedGroup ; owl:sameAs wd:Q38799 .
                kb:HamasGovernment a parley:GovernmentBody ; owl:sameAs wd:Q38799 .
                """);
        assertRules(List.of(LinkCheck.SHARED_ID), problems);
    }

    @Test
    void anIdMustBeVerifiedAndItsDbpediaTitleMatch() {
        List<Problem> problems = check("""
                kb:SomeoneElse a parley:Person ; owl:sameAs wd:Q42 .
                kb:BenjaminNetanyahu a parley:Person ; owl:sameAs wd:Q43723 , dbr:Netanyahu .
                """);
        // Sorted by location: BenjaminNetanyahu before SomeoneElse.
        assertRules(List.of(LinkCheck.DBPEDIA_MISMATCH, LinkCheck.UNVERIFIED), problems);
        assertTrue(problems.get(0).hint().contains("Benjamin_Netanyahu"), problems.get(0).oneLine());
    }

    @Test
    void anAnonymousSourceOrPlaceNeedsALinkOrAReason() {
        List<Problem> problems = check("""
                kb:src-009-a-source a parley:AnonymousSource .
                kb:Rafah a parley:Place .
                kb:src-009-explained a parley:AnonymousSource ;
                    parley:noLinkReason "An anonymous source has no external identity." .
                """);
        assertRules(List.of(LinkCheck.MISSING, LinkCheck.MISSING), problems);
        assertTrue(problems.get(0).location().endsWith("kb/Rafah>"), problems.get(0).oneLine());
        assertTrue(problems.get(1).location().endsWith("kb/src-009-a-source>"), problems.get(1).oneLine());
    }

    @Test
    void aLinkAndAReasonContradictEachOther() {
        List<Problem> problems = check("""
                kb:Hamas a parley:ArmedGroup ; owl:sameAs wd:Q38799 ; parley:noLinkReason "none found" .
                """);
        assertRules(List.of(LinkCheck.CONTRADICTION), problems);
    }

    /** The rules broken, in the check's order (by location, then rule). */
    private static void assertRules(List<String> rules, List<Problem> problems) {
        assertEquals(rules, problems.stream().map(Problem::rule).toList(), problems.toString());
    }

    /** The real ontology with one data file holding the Turtle given. */
    private static List<Problem> check(String turtle) {
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(PREFIXES + turtle)).lang(Lang.TURTLE).parse(data);
        Map<Node, Graph> graphs = new LinkedHashMap<>();
        graphs.put(KbNames.graph("test"), data);
        Map<Node, String> files = new LinkedHashMap<>();
        files.put(KbNames.graph("test"), "data/test.ttl");
        ParsedProject project = new ParsedProject(real.ontology(), real.shapes(), graphs, files, Map.of(),
                PrefixMapping.Factory.create());
        return new LinkCheck(verified).check(project);
    }

    private static Node node(String iri) {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }

    private static Node sameAs() {
        return org.apache.jena.vocabulary.OWL.sameAs.asNode();
    }
}
