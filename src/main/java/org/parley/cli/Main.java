package org.parley.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.apache.jena.sys.JenaSystem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley}: validate, query, export, load and serve the Parley knowledge base. Each
 * subcommand is one class that parses options and prints; the work is done in org.parley.load,
 * org.parley.validate, org.parley.query, org.parley.export and org.parley.serve.
 */
@Command(name = "parley",
        mixinStandardHelpOptions = true,
        version = "parley 0.1.0",
        description = "A knowledge graph of ceasefire and hostage negotiation reports.",
        subcommands = {ValidateCommand.class, QueryCommand.class, ExportCommand.class, LoadCommand.class,
                ServeCommand.class, AddCommand.class, SuggestCommand.class, GenerateCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, writing UTF-8 to stdout and stderr whatever the platform default
     * (report texts are full of curly quotes). Tests replace out and err with setOut / setErr.
     */
    public static CommandLine commandLine() {
        // Jena's start-up on this thread, before any command starts another thread that uses Jena
        // (serve's warm-up): two threads initialising Jena at once can deadlock in class
        // initialisation (Jena GH-2787; seen here: serve hung before printing anything, 1 run in 12).
        JenaSystem.init();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(utf8(FileDescriptor.out));
        commandLine.setErr(utf8(FileDescriptor.err));
        commandLine.setParameterExceptionHandler(ErrorReporting.usageErrors());
        commandLine.setExecutionExceptionHandler(ErrorReporting.executionErrors());
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is needed: validate, query, export, load, serve, add, suggest or generate");
    }

    private static PrintWriter utf8(FileDescriptor descriptor) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
    }
}
