package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ChildJvm;
import org.parley.Fixtures;

/**
 * {@code parley serve} on a project with malformed Turtle, run as a real JVM (through Main, which
 * ends with System.exit, as a user runs it): it must exit, with status 1 and one line naming the file
 * and the line, and serve nothing. It was once seen not to exit; if it hangs again, the hang guard
 * turns that into a failure that says so (a guard, not a speed limit).
 */
class ServeOnBrokenTurtleTest {

    private static final List<String> JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    @Test
    void anUndefinedPrefixStopsServeWithOneLineNamingFileAndLine(@TempDir Path dir) {
        Path project = Fixtures.brokenProject("malformed-turtle", dir.resolve("project"));

        assertServeRefuses(project, "error: data/002_bbbbbbbbbbbbbbbb.ttl:15:");
    }

    @Test
    void aSyntaxErrorStopsServeWithOneLineNamingFileAndLine(@TempDir Path dir) {
        Path project = Fixtures.copyOfValidProject(dir.resolve("project"));
        // Line 10 loses its final dot, so the subject on line 12 is where the statement goes wrong.
        Fixtures.edit(project.resolve("data/002_bbbbbbbbbbbbbbbb.ttl"),
                "parley:fileName \"002_bbbbbbbbbbbbbbbb.txt\" .", "parley:fileName \"002_bbbbbbbbbbbbbbbb.txt\"");

        assertServeRefuses(project, "error: data/002_bbbbbbbbbbbbbbbb.ttl:12:1:");
    }

    private static void assertServeRefuses(Path project, String expectedStart) {
        try (ChildJvm serve = ChildJvm.parley(project, JVM, "serve", "--port", "0", "--root", project.toString())) {
            serve.closeStdin();

            int status = serve.awaitExit(ChildJvm.HANG_GUARD);

            List<String> errLines = serve.stderr().lines().toList();
            assertEquals(1, status, "exit status; stderr: " + serve.stderr());
            assertEquals(2, errLines.size(), "one line for the problem, one saying nothing is served: " + errLines);
            assertTrue(errLines.get(0).startsWith(expectedStart), errLines.get(0));
            assertEquals("parley serve: stopped; nothing is served (1 problem)", errLines.get(1));
            assertEquals("", serve.stdout(), "nothing is served, so no banner");
        }
    }
}
