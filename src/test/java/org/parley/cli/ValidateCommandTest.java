package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void validProjectPasses() {
        Cli.Run run = Cli.run("validate", "--root", Fixtures.validProject().toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(List.of("parley validate: passed (no problems)"), run.outLines());
    }

    @Test
    void brokenClaimIsNamedWithItsRule() {
        Path project = Fixtures.brokenProject("claim-missing-report", dir);

        Cli.Run run = Cli.run("validate", "--root", project.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.outLines().stream().anyMatch(line -> line.startsWith(
                "error: data/001_aaaaaaaaaaaaaaaa.ttl:29 <https://w3id.org/parley/kb/claim/001-2>: [shacl] parley:inReport")),
                run.out());
        // One problem, reported once (by shapes:ClaimShape, the rule's one home).
        assertTrue(run.outLines().get(run.outLines().size() - 1).startsWith("parley validate: FAILED (1 error,"),
                run.out());
    }

    @Test
    void inconsistencyFailsValidationThoughItLoads() {
        Path project = Fixtures.brokenProject("inconsistent-data", dir);

        Cli.Run run = Cli.run("validate", "--root", project.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("[owl-inconsistent]"), run.out());
    }

    @Test
    void directoryThatIsNotAProjectSaysWhatToDo() {
        Cli.Run run = Cli.run("validate", "--root", dir.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.errLines().get(0).contains("[project-root]"), run.err());
        assertTrue(run.errLines().get(0).contains("run from the repository root or pass --root DIR"), run.err());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        Cli.Run run = Cli.run("validate", "--bogus");

        assertEquals(2, run.exitCode());
        assertEquals(List.of("parley validate: Unknown option: '--bogus' (see 'parley validate --help')"), run.errLines());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Run quiet = Cli.run("validate", "--root", dir.toString());
        Cli.Run verbose = Cli.run("validate", "--root", dir.toString(), "--verbose");

        assertTrue(quiet.errLines().stream().noneMatch(line -> line.contains("\tat ")), quiet.err());
        assertTrue(verbose.err().contains("\tat org.parley."), verbose.err());
    }
}
