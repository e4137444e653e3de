package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

/**
 * A claim cannot dodge the shape of its kind (issue 9): on a copy of the real project (its ontology,
 * shapes and data, whatever the curators have made of them), one claim is changed, and both
 * {@code validate} and {@code load} must refuse it with one line naming the claim and the rule.
 * The rule lives in ontology/shapes.ttl only (section "Claim kinds").
 */
class ClaimKindTest {

    private static final String PARLEY = "https://w3id.org/parley/ontology#";
    private static final Node CLAIM = NodeFactory.createURI(PARLEY + "Claim");
    private static final Node POSITION = NodeFactory.createURI(PARLEY + "Position");
    private static final Node EVENT_CLAIM = NodeFactory.createURI(PARLEY + "EventClaim");
    private static final Node HAS_PARTY = NodeFactory.createURI(PARLEY + "hasParty");
    private static final Node TYPE = RDF.type.asNode();

    @TempDir
    Path dir;

    /** The hole as found: a position retyped as a bare parley:Claim and its party dropped. */
    @Test
    void aPositionRetypedAsABareClaimWithoutItsPartyIsRefused() {
        Path project = copyOfRealProject();
        Changed changed = changeFirst(project, POSITION, (graph, claim) -> {
            graph.delete(Triple.create(claim, TYPE, POSITION));
            graph.add(Triple.create(claim, TYPE, CLAIM));
            graph.remove(claim, HAS_PARTY, Node.ANY);
        });

        String expected = "error: " + changed.file() + ":" + changed.claimLine() + " <" + changed.claim().getURI()
                + ">: [shacl] A claim must be of exactly one kind: parley:Position, parley:EventClaim,";
        assertRefused(project, expected, "shapes:ClaimKindShape");
    }

    /** The same with nothing left of the position but what every claim has. */
    @Test
    void aClaimOfNoKindIsRefusedEvenWithNoPropertyOfAKind() {
        Path project = copyOfRealProject();
        Changed changed = changeFirst(project, POSITION, (graph, claim) -> {
            for (Triple triple : graph.find(claim, Node.ANY, Node.ANY).toList()) {
                String property = triple.getPredicate().getURI();
                if (!property.equals(PARLEY + "inReport") && !property.equals(PARLEY + "hasExcerpt")) {
                    graph.delete(triple);
                }
            }
            graph.add(Triple.create(claim, TYPE, CLAIM));
        });

        String expected = "error: " + changed.file() + ":" + changed.claimLine() + " <" + changed.claim().getURI()
                + ">: [shacl] A claim must be of exactly one kind";
        assertRefused(project, expected, "shapes:ClaimKindShape");
    }

    /**
     * An event claim given a party: the loader's rdfs:domain entailment would make it a position too,
     * one that no shape checked (no stance, no content).
     */
    @Test
    void aClaimUsingAnotherKindsPropertyIsRefused() {
        Path project = copyOfRealProject();
        Node someActor = NodeFactory.createURI("https://w3id.org/parley/kb/test-actor");
        Changed changed = changeFirst(project, EVENT_CLAIM,
                (graph, claim) -> graph.add(Triple.create(claim, HAS_PARTY, someActor)));

        // Named at the line of the planted triple.
        String expected = "error: " + changed.file() + ":" + changed.lineOf("kb:test-actor") + " <" + changed.claim().getURI()
                + ">: [shacl] parley:hasParty: Only a claim of kind <" + PARLEY + "Position> has this property";
        assertRefused(project, expected, "shapes:ClaimKindPropertiesShape");
    }

    @Test
    void theRealProjectItselfPassesTheRule() {
        Cli.Run run = Cli.run("validate", "--root", copyOfRealProject().toString());

        assertFalse(run.out().contains("shapes:ClaimKind"), run.out());
    }

    private void assertRefused(Path project, String expectedLineStart, String shape) {
        Cli.Run validate = Cli.run("validate", "--root", project.toString());
        assertEquals(1, validate.exitCode(), validate.out() + validate.err());
        assertOneLine(validate.outLines(), expectedLineStart, shape);

        Path db = dir.resolve("db");
        Cli.Run load = Cli.run("load", "--db", db.toString(), "--root", project.toString());
        assertEquals(1, load.exitCode(), load.out() + load.err());
        assertOneLine(load.errLines(), expectedLineStart, shape);
        assertFalse(Files.exists(db), "a refused load must not create the database");
    }

    private static void assertOneLine(List<String> lines, String expectedStart, String shape) {
        List<String> matching = lines.stream().filter(line -> line.startsWith(expectedStart)).toList();
        assertEquals(1, matching.size(), "one line starting " + expectedStart + " in:\n" + String.join("\n", lines));
        assertTrue(matching.get(0).endsWith("(hint: see shape " + shape + " in ontology/shapes.ttl)"), matching.get(0));
    }

    /** What was changed: the claim, the file it is in (relative to the project) and that file. */
    record Changed(String file, Node claim, Path path, String claimName) {

        /** The line (from 1) the written file starts the claim's description on. */
        int claimLine() {
            List<String> lines;
            try {
                lines = Files.readAllLines(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals(claimName) || lines.get(i).startsWith(claimName + " ")) {
                    return i + 1;
                }
            }
            throw new AssertionError(path + " has no line starting " + claimName);
        }

        int lineOf(String words) {
            return Fixtures.lineOf(path, words);
        }
    }

    interface Change {
        void apply(Graph graph, Node claim);
    }

    /**
     * Applies change to the first instance of kind (by IRI) in the report data files and writes the
     * file back; fails if the data has no such claim.
     */
    private static Changed changeFirst(Path project, Node kind, Change change) {
        try (Stream<Path> files = Files.list(project.resolve("data"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d+_.*\\.ttl")).sorted().toList()) {
                Graph graph = RDFDataMgr.loadGraph(file.toString(), Lang.TURTLE);
                List<Node> claims = graph.find(Node.ANY, TYPE, kind).mapWith(Triple::getSubject)
                        .filterKeep(Node::isURI).toList().stream().sorted(Comparator.comparing(Node::getURI)).toList();
                if (!claims.isEmpty()) {
                    change.apply(graph, claims.get(0));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        RDFDataMgr.write(out, graph, RDFFormat.TURTLE_PRETTY);
                    }
                    return new Changed("data/" + file.getFileName(), claims.get(0), file,
                            graph.getPrefixMapping().shortForm(claims.get(0).getURI()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the real data has no " + kind + " to change");
    }

    private Path copyOfRealProject() {
        Path project = dir.resolve("project");
        return Files.exists(project) ? project : Fixtures.copyOfRealProject(project);
    }
}
