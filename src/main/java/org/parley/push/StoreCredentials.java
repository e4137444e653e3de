package org.parley.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.parley.serve.UserPasswordLines;

/**
 * A user name and password for a store, read from a file so that the password never appears on a
 * command line (where {@code ps} and the shell history would show it).
 *
 * <p>Format: the first line that is neither blank nor a {@code #} comment is {@code user:password};
 * spaces around the colon are ignored, so {@code user: password}, the format of {@code parley serve
 * --password-file}, works too. The password is everything after the first colon (it may itself hold
 * colons). Nothing else is read.
 */
public record StoreCredentials(String user, String password) {

    /** Reads the file; a missing file or a line without {@code user:password} is a {@link PushException} naming it. */
    public static StoreCredentials read(Path file) throws PushException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException missing) {
            throw new PushException("--credentials " + file + ": no such file; write one line 'user:password'");
        } catch (IOException unreadable) {
            throw new PushException("--credentials " + file + ": cannot read it (" + unreadable.getMessage() + ")", unreadable);
        }
        for (UserPasswordLines.Line line : UserPasswordLines.of(lines)) {
            if (line.user().isEmpty() || line.rest().isEmpty()) {
                throw new PushException(file + ":" + line.number() + ": not a credentials line; write 'user:password'");
            }
            return new StoreCredentials(line.user(), line.rest());
        }
        throw new PushException("--credentials " + file + ": no credentials in it; write one line 'user:password'");
    }

    /** Never the password: this may end up in a log or an error message. */
    @Override
    public String toString() {
        return "StoreCredentials[user=" + user + "]";
    }
}
