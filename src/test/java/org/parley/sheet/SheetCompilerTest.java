package org.parley.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Fixtures;
import org.parley.load.ProjectLayout;
import org.parley.load.ProjectReader;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;

/**
 * Reading a claim sheet: a good row becomes the triples a curator would write, and each kind of
 * mistake is one problem naming file, row and column, with every problem of the sheet listed.
 * Names resolve against the real knowledge base (Hamas, Abu Zuhri, Reuters ...).
 */
class SheetCompilerTest {

    private static final String TEXT = "Hamas refused to talk, Abu Zuhri told Reuters. Hamas refused to talk again.\n"
            + "\u201CNo deal,\u201D he said. Hamas refused to talk.";
    private static final String HEADER = "id,kind,party,speaker,stance,content,outlet,cited_source,source_count,source_side,"
            + "quote,occurrence,mode,polarity,negation_cue,hedge_cue\r\n";

    private static ParsedProject project;

    @BeforeAll
    static void readRealProject() throws Exception {
        project = ProjectReader.read(ProjectLayout.at(Fixtures.REAL_PROJECT));
    }

    private record Compiled(Graph graph, List<Problem> problems) {
        List<String> lines() {
            return problems.stream().map(Problem::oneLine).toList();
        }
    }

    private static Compiled compile(String claims, String things) {
        return compile(claims.getBytes(StandardCharsets.UTF_8), things);
    }

    private static Compiled compile(byte[] claims, String things) {
        List<Problem> problems = new ArrayList<>();
        CsvTable claimTable = CsvTable.parse("data/sheets/r.csv", claims, problems);
        CsvTable thingTable = things == null ? null
                : CsvTable.parse("data/sheets/r.things.csv", things.getBytes(StandardCharsets.UTF_8), problems);
        if (!problems.isEmpty()) {
            return new Compiled(null, problems);
        }
        Names names = ProjectSheets.names(project);
        SheetCompiler.declare("r", claimTable, thingTable, names);
        SheetCompiler.Result result = new SheetCompiler("r", TEXT, names, new OntologyView(project.ontology()))
                .compile(claimTable, thingTable);
        return new Compiled(result.graph(), result.problems());
    }

    @Test
    void aGoodRowBecomesTheClaimWithItsExcerptOffsets() {
        Compiled c = compile(HEADER + "c-r-1,position,Hamas,Abu Zuhri,refusal,negotiations,Reuters,,,,"
                + "\"Hamas refused to talk, Abu Zuhri told Reuters.\",,paraphrase,affirmed,refused,\r\n", null);
        assertEquals(List.of(), c.problems());
        Graph expected = turtle("""
                @prefix parley: <https://w3id.org/parley/ontology#> . @prefix kb: <https://w3id.org/parley/kb/> .
                @prefix oa: <http://www.w3.org/ns/oa#> .
                kb:c-r-1 a parley:Position ; parley:inReport <https://w3id.org/parley/kb/report/r> ;
                    parley:hasParty kb:Hamas ; parley:voicedBy kb:AbuZuhri ; parley:hasStance parley:refusal ;
                    parley:hasContent kb:termtype-negotiations ; parley:reportedBy kb:Reuters ;
                    parley:hasReportingMode parley:paraphrase ; parley:hasPolarity parley:affirmed ; parley:negationCue "refused" ;
                    parley:hasExcerpt [ a parley:Excerpt ; oa:exact "Hamas refused to talk, Abu Zuhri told Reuters." ; oa:start 0 ; oa:end 46 ] .
                """);
        assertTrue(expected.isIsomorphicWith(c.graph()), () -> "got " + c.graph().find().toList());
    }

    @Test
    void aQuoteNotInTheTextShowsTheClosestPassage() {
        Compiled c = compile(HEADER + "c-r-1,position,Hamas,,refusal,negotiations,Reuters,,,,"
                + "Hamas refused to speak,,paraphrase,affirmed,,\r\n", null);
        assertNull(c.graph());
        assertEquals(1, c.problems().size(), c.lines().toString());
        assertTrue(c.lines().get(0).startsWith("error: data/sheets/r.csv:2:11: [sheet] the quote is not in the report's text;"
                + " the closest passage is \"Hamas refused to talk,\""), c.lines().get(0));
    }

    @Test
    void anAmbiguousQuoteNeedsItsOccurrence() {
        String row = "c-r-1,position,Hamas,,refusal,negotiations,Reuters,,,,Hamas refused to talk,%s,paraphrase,affirmed,,\r\n";
        Compiled ambiguous = compile(HEADER + String.format(row, ""), null);
        assertTrue(ambiguous.lines().get(0).startsWith("error: data/sheets/r.csv:2:11: [sheet] the quote occurs 3 times"),
                ambiguous.lines().toString());
        Compiled third = compile(HEADER + String.format(row, "3"), null);
        assertEquals(List.of(), third.problems());
        int start = TEXT.codePointCount(0, TEXT.lastIndexOf("Hamas refused to talk"));
        assertTrue(third.graph().contains(Node.ANY, NodeFactory.createURI(SheetVocabulary.OA + "start"),
                NodeFactory.createLiteralDT(String.valueOf(start), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        Compiled tooMany = compile(HEADER + String.format(row, "4"), null);
        assertTrue(tooMany.lines().get(0).contains("r.csv:2:12: [sheet] occurrence '4' but the quote occurs 3 time(s)"),
                tooMany.lines().toString());
    }

    @Test
    void orAFewWordsOfContext() {
        String header = "id,kind,party,stance,content,polarity,quote,context\r\n";
        Compiled placed = compile(header + "c-r-1,position,Hamas,refusal,negotiations,affirmed,Hamas refused to talk,"
                + "\"he said. Hamas refused to talk\"\r\n", null);
        assertEquals(List.of(), placed.problems());
        int start = TEXT.codePointCount(0, TEXT.lastIndexOf("Hamas refused to talk"));
        assertTrue(placed.graph().contains(Node.ANY, NodeFactory.createURI(SheetVocabulary.OA + "start"),
                NodeFactory.createLiteralDT(String.valueOf(start), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        Compiled twice = compile(header + "c-r-1,position,Hamas,refusal,negotiations,affirmed,Hamas refused to talk,"
                + "Hamas refused\r\n", null);
        assertTrue(twice.lines().get(0).contains("r.csv:2:8: [sheet] the context occurs 3 times"), twice.lines().toString());
    }

    @Test
    void anUnknownActorGetsTheNearestNames() {
        Compiled c = compile(HEADER + "c-r-1,position,Hamaz,Abu Zuhrri,refusal,negotiations,Reuters,,,,"
                + "\"Hamas refused to talk, Abu Zuhri told Reuters.\",,paraphrase,affirmed,,\r\n", null);
        assertEquals(2, c.problems().size(), c.lines().toString());
        assertTrue(c.lines().get(0).contains("r.csv:2:3: [sheet] unknown name 'Hamaz'; did you mean 'Hamas'"), c.lines().get(0));
        assertTrue(c.lines().get(1).contains("r.csv:2:4: [sheet] unknown name 'Abu Zuhrri'; did you mean 'Abu Zuhri'"),
                c.lines().get(1));
    }

    @Test
    void aNewActorDeclaredInTheThingsSheetIsKnown() {
        Compiled c = compile(HEADER + "c-r-1,position,Hamas,Abu Zuhri,refusal,no talks,Daily Planet,,,,"
                + "\"Hamas refused to talk, Abu Zuhri told Reuters.\",,paraphrase,affirmed,,\r\n",
                "thing,property,value,datatype\r\nDailyPlanet,type,NewsOutlet,\r\nDailyPlanet,label,Daily Planet,\r\n"
                        + "t-r-no-talks,type,Term,\r\nt-r-no-talks,label,no talks,\r\nt-r-no-talks,hasTermType,negotiations,\r\n");
        assertEquals(List.of(), c.problems());
        assertTrue(c.graph().contains(NodeFactory.createURI(SheetVocabulary.KB + "c-r-1"), SheetVocabulary.parley("reportedBy"),
                NodeFactory.createURI(SheetVocabulary.KB + "DailyPlanet")));
    }

    @Test
    void aBadStanceOrKindIsNamedWithTheChoices() {
        Compiled c = compile(HEADER + "c-r-1,position,Hamas,,demandd,negotiations,Reuters,,,,Hamas refused to talk again.,,paraphrase,affirmed,,\r\n"
                + "c-r-2,claim,Hamas,,demand,negotiations,Reuters,,,,Hamas refused to talk again.,,paraphrase,affirmed,,\r\n", null);
        assertEquals(2, c.problems().size(), c.lines().toString());
        assertTrue(c.lines().get(0).contains("r.csv:2:5: [sheet] bad stance 'demandd'; did you mean 'demand'"), c.lines().get(0));
        assertTrue(c.lines().get(1).contains("r.csv:3:2: [sheet] bad kind 'claim'"), c.lines().get(1));
    }

    @Test
    void aPositionWithoutItsPartyIsRefused() {
        Compiled c = compile(HEADER + "c-r-1,position,,Abu Zuhri,refusal,negotiations,Reuters,,,,Hamas refused to talk again.,,paraphrase,affirmed,,\r\n",
                null);
        assertEquals(1, c.problems().size(), c.lines().toString());
        assertTrue(c.lines().get(0).contains("r.csv:2:3: [sheet] a position needs its party"), c.lines().get(0));
    }

    @Test
    void anUnknownCitedSourceIsANewAnonymousSourceWithCountAndSide() {
        // Report 000 also has "two Egyptian sources": not the same people, so not its source.
        Compiled c = compile(HEADER + "c-r-1,position,Hamas,,refusal,negotiations,Reuters,two Egyptian sources,2,Egypt,"
                + "Hamas refused to talk again.,,paraphrase,affirmed,,\r\n", null);
        assertEquals(List.of(), c.problems());
        Node source = NodeFactory.createURI(SheetVocabulary.KB + "src-r-two-egyptian-sources");
        assertTrue(c.graph().contains(source, SheetVocabulary.parley("sourceCount"),
                NodeFactory.createLiteralDT("2", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        assertTrue(c.graph().contains(source, SheetVocabulary.parley("onSideOf"), NodeFactory.createURI(SheetVocabulary.KB + "Egypt")));
        assertTrue(c.graph().contains(source, SheetVocabulary.parley("citedBy"), NodeFactory.createURI(SheetVocabulary.KB + "Reuters")));
    }

    @Test
    void everyProblemOfTheSheetIsListedAndNoGraphIsGiven() {
        Compiled c = compile(HEADER + "c-r-1,position,Hamaz,,refusal,negotiations,Reuters,,,,Hamas refused to talk again.,,paraphrase,affirmed,,\r\n"
                + "c-r-2,position,Hamas,,refusal,negotiations,Reuters,,,,not in the text,,paraphrase,affirmed,,\r\n"
                + "c-r-3,position,Hamas,,refusal,negotiations,Reuters,,,,Hamas refused to talk again.,,paraphrase,affirmed,,\r\n", null);
        assertNull(c.graph(), "a bad sheet is refused whole, good rows too");
        assertEquals(List.of(2, 3), c.problems().stream().map(p -> Integer.valueOf(p.location().split(":")[1])).toList());
    }

    @Test
    void malformedCsvIsRefusedWithItsRow() {
        Compiled c = compile(HEADER + "c-r-1,position,Hamas,,refusal,negotiations,Reuters,,,,\"Hamas refused to talk again.,,\r\n", null);
        assertEquals(1, c.problems().size(), c.lines().toString());
        assertTrue(c.lines().get(0).startsWith("error: data/sheets/r.csv:2: [sheet-csv] malformed CSV"), c.lines().get(0));
    }

    @Test
    void aSheetNotInUtf8IsRefusedWithTheLineOfTheFirstBadByte() {
        byte[] latin1 = (HEADER + "c-r-1,position,Hamas,,refusal,n\u00e9gociations,Reuters,,,,x,,,,,\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Compiled c = compile(latin1, null);
        assertEquals(1, c.problems().size());
        assertTrue(c.lines().get(0).startsWith("error: data/sheets/r.csv:2: [sheet-csv] the sheet is not valid UTF-8"),
                c.lines().get(0));
    }

    @Test
    void anUnknownColumnOrThingPropertyIsNamed() {
        Compiled c = compile("id,kind,partie,quote\r\nc-r-1,position,Hamas,Hamas refused to talk again.\r\n",
                "thing,property,value,datatype\r\nt-r-x,type,Term,\r\nt-r-x,hasTermTyp,negotiations,\r\n");
        List<String> lines = c.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("r.things.csv:3:2: [sheet] unknown property 'hasTermTyp'; did you mean 'hasTermType'")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("r.csv:1:3: [sheet] unknown column 'partie'; did you mean 'party'")),
                lines.toString());
    }

    @Test
    void theExamplesOfDocsCurationReadAsTheyAreShown() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/curation.md"));
        List<String> blocks = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```csv\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(doc);
        while (m.find()) {
            blocks.add(m.group(1).replace("\n", "\r\n"));
        }
        assertEquals(2, blocks.size(), "a claim sheet and a things sheet");
        String id = "000_0778579edb871b80";
        List<Problem> problems = new ArrayList<>();
        CsvTable claims = CsvTable.parse("claims.csv", blocks.get(0).getBytes(StandardCharsets.UTF_8), problems);
        CsvTable things = CsvTable.parse("things.csv", blocks.get(1).getBytes(StandardCharsets.UTF_8), problems);
        assertEquals(List.of(), problems);
        Names names = ProjectSheets.names(project);
        SheetCompiler.Result result = new SheetCompiler(id, project.reportTexts().get(id), names, new OntologyView(project.ontology()))
                .compile(claims, things);
        assertEquals(List.of(), result.problems());
        // The example row says what the curated Turtle of c000-12 says (the columns it shows).
        Graph curated = project.dataGraphs().get(org.parley.vocab.KbNames.graph(id));
        Node claim = NodeFactory.createURI(SheetVocabulary.KB + "c000-12");
        for (Triple t : result.graph().find(claim, Node.ANY, Node.ANY).toList()) {
            if (!t.getObject().isBlank()) {
                assertTrue(curated.contains(t), "curated: " + t);
            }
        }
    }

    @Test
    void noWordsAreLostToAColumnNamedTwiceOrToACellWithoutAColumn() {
        Compiled c = compile("id,kind,party,party,quote\r\nc-r-1,position,Hamas,Israel,Hamas refused to talk again.,stray\r\n", null);
        List<String> lines = c.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("r.csv:1: [sheet] the column 'party' is named twice")), lines.toString());
        Compiled stray = compile("id,kind,party,stance,content,polarity,quote\r\n"
                + "c-r-1,position,Hamas,refusal,negotiations,affirmed,Hamas refused to talk again.,stray\r\n", null);
        assertEquals(List.of("error: data/sheets/r.csv:2:8: [sheet] a cell beyond the last named column"
                + " (hint: name the column in the header row, or move the words)"), stray.lines());
    }

    private static Graph turtle(String text) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(graph);
        return graph;
    }

    @SuppressWarnings("unused")
    private static List<Triple> triples(Graph graph) {
        return graph.find().toList();
    }
}
