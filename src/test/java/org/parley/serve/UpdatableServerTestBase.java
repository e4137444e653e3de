package org.parley.serve;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;

/**
 * A server over a fresh load of the real knowledge base for each test, with updates allowed to
 * {@code admin:s3cret} and checked against the project's shapes: what the update tests start from.
 */
abstract class UpdatableServerTestBase extends ServerTestBase {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final String G = "https://w3id.org/parley/graph/";
    static final String ALL_QUADS = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";

    @TempDir
    Path dir;
    LoadedKnowledgeBase kb;

    @BeforeEach
    void startServer() throws Exception {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "admin: s3cret\n");
        kb = KnowledgeBaseLoader.load(PROJECT);
        Shapes shapes = Shapes.parse(RDFParser.source(PROJECT.resolve("ontology/shapes.ttl")).toGraph());
        start(kb.dataset(), ServeOptions.builder().allowUpdate(passwords).updateShapes(shapes));
    }

    @AfterEach
    void closeKnowledgeBase() {
        stopServer();
        kb.close();
    }
}
