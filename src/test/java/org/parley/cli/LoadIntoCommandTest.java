package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Fixtures;

/** {@code load --into}'s options and errors; pushes to real stores are in org.parley.push. */
class LoadIntoCommandTest {

    @TempDir
    Path dir;

    @Test
    void dbAndIntoTogetherIsAUsageError() {
        Cli.Run run = Cli.run("load", "--db", dir.resolve("db").toString(), "--into", "http://127.0.0.1:1/ds/data",
                "--root", Fixtures.validProject().toString());
        assertEquals(2, run.exitCode());
        assertEquals("parley load: give one of --db DIR or --into URL (see 'parley load --help')", run.errLines().get(0));
    }

    @Test
    void credentialsWithoutIntoIsAUsageError() {
        Cli.Run run = Cli.run("load", "--db", dir.resolve("db").toString(), "--credentials", "c",
                "--root", Fixtures.validProject().toString());
        assertEquals(2, run.exitCode());
        assertEquals("parley load: --credentials and --check go with --into URL (see 'parley load --help')", run.errLines().get(0));
    }

    @Test
    void notAnHttpUrlIsSaidBeforeAnythingIsLoaded() {
        Cli.Run run = Cli.run("load", "--into", "ftp://example.org/data", "--root", Fixtures.validProject().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.errLines().get(0).startsWith("parley load: --into ftp://example.org/data: not an http:// or https://"
                + " URL of a Graph Store endpoint"), run.err());
    }

    @Test
    void aStoreThatIsNotThereIsUnreachableAndNothingIsPushed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nobody listens there
        }
        String url = "http://127.0.0.1:" + port + "/ds/data";
        Cli.Run run = Cli.run("load", "--into", url, "--root", Fixtures.validProject().toString());
        assertEquals(1, run.exitCode());
        assertEquals("parley load: cannot reach " + url + ": connection refused; is the store running, and is the host and"
                + " port right?", run.errLines().get(0));
        assertEquals("parley load: nothing was pushed: the store is as it was.", run.errLines().get(1));
    }
}
