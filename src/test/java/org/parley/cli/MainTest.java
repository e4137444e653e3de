package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void withoutSubcommandIsAUsageError() {
        Cli.Run run = Cli.run();

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("a subcommand is needed"));
    }

    @Test
    void helpListsEverySubcommand() {
        Cli.Run run = Cli.run("--help");

        assertEquals(0, run.exitCode());
        for (String subcommand : new String[] {"validate", "query", "export", "load", "serve"}) {
            assertTrue(run.out().contains("  " + subcommand + " "), subcommand + " missing from:\n" + run.out());
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String subcommand : new String[] {"validate", "query", "export", "load", "serve"}) {
            Cli.Run run = Cli.run(subcommand, "--help");
            assertEquals(0, run.exitCode(), subcommand);
            assertTrue(run.out().startsWith("Usage: parley " + subcommand), run.out());
        }
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Cli.Run run = Cli.run("frobnicate");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
    }
}
