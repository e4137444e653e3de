package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclException;
import org.apache.jena.shacl.Shapes;
import org.parley.load.ProjectLayout;
import org.parley.serve.ServeException;

/** The shapes that updates are checked against when {@code serve --allow-update}: the project's own. */
final class UpdateShapes {

    private UpdateShapes() {
    }

    static Shapes read(Path projectRoot) {
        Path file = projectRoot.resolve(ProjectLayout.SHAPES_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ServeException(ProjectLayout.SHAPES_FILE + ": not found under " + projectRoot
                    + "; updates are checked against it (give the project with --root)");
        }
        try {
            return Shapes.parse(RDFParser.source(file).toGraph());
        } catch (RiotException | ShaclException e) {
            throw new ServeException(file + ": cannot be used to check updates (" + e.getMessage() + ")");
        }
    }
}
