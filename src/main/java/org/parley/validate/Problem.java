package org.parley.validate;

import java.util.Objects;

/**
 * One thing wrong with the project, said so that it can be fixed without a debugger.
 *
 * @param severity whether it fails validation
 * @param location where: {@code file:line:column} for syntax errors, otherwise the file and the
 *                 resource ({@code data/003_x.ttl <https://w3id.org/parley/kb/claim/...>})
 * @param rule     a short stable id of the rule broken, e.g. {@code excerpt-verbatim}
 * @param message  what is wrong
 * @param hint     how to fix it; may be empty
 */
public record Problem(Severity severity, String location, String rule, String message, String hint) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Problem error(String location, String rule, String message, String hint) {
        return new Problem(Severity.ERROR, location, rule, message, hint);
    }

    public static Problem warning(String location, String rule, String message, String hint) {
        return new Problem(Severity.WARNING, location, rule, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The problem on one line: {@code error: LOCATION: [rule] message (hint: ...)}. */
    public String oneLine() {
        String line = severity.name().toLowerCase() + ": " + location + ": [" + rule + "] " + message;
        line = hint.isEmpty() ? line : line + " (hint: " + hint + ")";
        // Literal values quoted in messages may hold newlines; keep the promise of one line.
        return line.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
