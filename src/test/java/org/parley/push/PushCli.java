package org.parley.push;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.parley.cli.Main;

import picocli.CommandLine;

/** Runs {@code parley ARGS...} in-process, as the user would, capturing what it prints. */
final class PushCli {

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private PushCli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
