package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class QueryCommandTest {

    private static final String ROOT = Fixtures.validProject().toString();
    private static final String KB = "https://w3id.org/parley/kb/";

    @TempDir
    Path dir;

    @Test
    void namedQueryAsW3cCsv() {
        Cli.Run run = Cli.run("query", "claims-by-party", "--root", ROOT, "--format", "csv");

        assertEquals(0, run.exitCode(), run.err());
        // SPARQL 1.1 CSV results: a header of variable names, CRLF line ends, plain IRIs.
        assertEquals("claim,party\r\n"
                + KB + "claim/001-1," + KB + "actor/hamas\r\n"
                + KB + "claim/001-2," + KB + "actor/israel\r\n"
                + KB + "claim/002-1," + KB + "actor/israel\r\n", run.out());
    }

    @Test
    void queryFileByPath() {
        Cli.Run run = Cli.run("query", Fixtures.validProject().resolve("queries/any-claims.rq").toString(),
                "--root", ROOT);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("true", run.out().strip());
    }

    @Test
    void prefixedNameParameterIsAnIri() {
        Cli.Run run = Cli.run("query", "claims-by-party", "--root", ROOT, "--format", "tsv",
                "--param", "party=actor:israel");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("?claim\t?party",
                "<" + KB + "claim/001-2>\t<" + KB + "actor/israel>",
                "<" + KB + "claim/002-1>\t<" + KB + "actor/israel>"), run.outLines());
    }

    @Test
    void bracketedIriParameter() {
        Cli.Run run = Cli.run("query", "claims-by-party", "--root", ROOT, "--format", "json",
                "--param", "party=<" + KB + "actor/hamas>");

        assertEquals(0, run.exitCode(), run.err());
        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        assertEquals(List.of("claim", "party"), rows.getResultVars());
        assertEquals(KB + "claim/001-1", rows.next().getResource("claim").getURI());
        assertTrue(!rows.hasNext());
    }

    @Test
    void integerParameterIsAnXsdInteger() {
        Cli.Run run = Cli.run("query", "excerpts-from", "--root", ROOT, "--format", "xml", "--param", "start=135");

        assertEquals(0, run.exitCode(), run.err());
        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_XML);
        assertEquals("Israel’s cabinet rejected the proposal.", rows.next().getLiteral("exact").getString());
        assertTrue(!rows.hasNext());
    }

    @Test
    void parameterCannotInjectSparql() {
        // Bound as one string literal: no party has that value, and nothing else happens.
        Cli.Run run = Cli.run("query", "claims-by-party", "--root", ROOT, "--format", "csv",
                "--param", "party=x\" } ; DROP ALL ; SELECT * { \"");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("claim,party\r\n", run.out());
    }

    @Test
    void constructPrintsTurtle() {
        Cli.Run run = Cli.run("query", "supersessions", "--root", ROOT);

        assertEquals(0, run.exitCode(), run.err());
        Graph printed = GraphFactory.createDefaultGraph();
        RDFParser.fromString(run.out(), Lang.TURTLE).parse(printed);
        Graph expected = GraphFactory.createDefaultGraph();
        expected.add(NodeFactory.createURI(KB + "claim/001-2"),
                NodeFactory.createURI("https://w3id.org/parley/ontology#supersededBy"),
                NodeFactory.createURI(KB + "claim/002-1"));
        assertTrue(printed.isIsomorphicWith(expected), run.out());
    }

    @Test
    void unknownQueryFile() {
        Cli.Run run = Cli.run("query", "no-such-query", "--root", ROOT);

        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("error: no-such-query: [query-not-found]"), run.err());
    }

    @Test
    void syntaxErrorGivesFileLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.rq");
        Files.writeString(bad, "# a comment\nSELECT ?x\nWHERE { ?x ?y }\n");

        Cli.Run run = Cli.run("query", bad.toString(), "--root", ROOT);

        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("error: " + bad + ":3:"), run.err());
        assertTrue(run.err().contains("[query-syntax]"), run.err());
    }

    @Test
    void parameterForAMissingVariable() {
        Cli.Run run = Cli.run("query", "claims-by-party", "--root", ROOT, "--param", "speaker=actor:hamas");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("[query-parameter] the query has no variable ?speaker"), run.err());
    }

    @Test
    void resultFormatForAConstructQueryIsRefused() {
        Cli.Run run = Cli.run("query", "supersessions", "--root", ROOT, "--format", "csv");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("[query-format]"), run.err());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli.Run run = Cli.run("query", "claims-by-party", "--root", ROOT, "--format", "yaml");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Run run = Cli.run("query", "claims-by-party", "--bogus");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
    }

    @Test
    void invalidDataNamesTheBrokenClaim() {
        Path project = Fixtures.brokenProject("claim-missing-excerpt", dir);

        Cli.Run run = Cli.run("query", "claims-by-party", "--root", project.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.errLines().stream().anyMatch(line -> line.contains("claim/001-2")
                && line.contains("[shacl] parley:hasExcerpt")), run.err());
        assertEquals("", run.out());
    }
}
