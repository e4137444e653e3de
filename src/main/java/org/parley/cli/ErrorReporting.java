package org.parley.cli;

import java.io.PrintWriter;

import org.parley.load.LoadException;
import org.parley.push.PushException;
import org.parley.query.QueryException;
import org.parley.validate.Problem;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports failures: one line each, naming the file and line or the resource
 * and the rule, on stderr; the stack trace only with --verbose.
 * Exit status 2 for a usage error (unknown option, bad value), 1 for anything else that failed.
 */
final class ErrorReporting {

    static final int FAILED = 1;
    static final int USAGE = 2;

    private ErrorReporting() {
    }

    /** Unknown options and bad values: one line, then a pointer to --help. */
    static IParameterExceptionHandler usageErrors() {
        return (ParameterException error, String[] args) -> {
            CommandLine command = error.getCommandLine();
            String name = command.getCommandSpec().qualifiedName();
            command.getErr().println(name + ": " + oneLine(error.getMessage()) + " (see '" + name + " --help')");
            command.getErr().flush();
            return USAGE;
        };
    }

    /** Exceptions from a command: problems one per line, anything else as one line. */
    static IExecutionExceptionHandler executionErrors() {
        return (Exception error, CommandLine command, ParseResult parsed) -> {
            PrintWriter err = command.getErr();
            String name = command.getCommandSpec().qualifiedName();
            if (error instanceof LoadException load) {
                for (Problem problem : load.problems()) {
                    err.println(problem.oneLine());
                }
                err.println(name + ": stopped (" + load.problems().size()
                        + (load.problems().size() == 1 ? " problem)" : " problems)"));
            } else if (error instanceof QueryException query) {
                err.println(query.problem().oneLine());
            } else if (error instanceof PushException push) {
                push.lines().forEach(line -> err.println(name + ": " + line));
            } else {
                err.println(name + ": " + error.getClass().getSimpleName() + ": " + oneLine(String.valueOf(error.getMessage()))
                        + (isVerbose(parsed) ? "" : " (--verbose for details)"));
            }
            if (isVerbose(parsed)) {
                error.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        };
    }

    private static boolean isVerbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
