package org.parley.push;

import java.util.List;

/**
 * A push could not be done or finished. Its lines say what failed, what had been pushed before it
 * and what that leaves in the store; the command prints them one per line.
 */
public class PushException extends Exception {

    private final transient List<String> lines;

    public PushException(String message) {
        this(List.of(message), null);
    }

    public PushException(String message, Throwable cause) {
        this(List.of(message), cause);
    }

    PushException(List<String> lines, Throwable cause) {
        super(String.join(" ", lines), cause);
        this.lines = List.copyOf(lines);
    }

    /** The message as lines: the failure first, then what it leaves behind. */
    public List<String> lines() {
        return lines;
    }
}
