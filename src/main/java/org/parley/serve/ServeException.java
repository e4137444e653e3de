package org.parley.serve;

/**
 * The server cannot start as asked: a bad option, an unreadable password file, a port in use.
 * The message is one line naming the option or file, what is wrong and how to fix it.
 */
public class ServeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServeException(String message) {
        super(message);
    }

    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
