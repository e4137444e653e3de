package org.parley.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a Jetty password file ({@code user: password} per line, optionally followed by
 * {@code ,role}; {@code #} comments) before the server starts, so a bad file fails with a message
 * naming the file and line instead of a server that silently lets nobody in.
 */
public final class PasswordFile {

    private PasswordFile() {}

    /** Returns the user names in the file, in file order; throws {@link ServeException} if bad. */
    public static Set<String> users(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ServeException("--password-file " + file + ": no such file; create it with a line 'user: password'");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServeException("--password-file " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        Set<String> users = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String user = colon < 0 ? "" : line.substring(0, colon).strip();
            String rest = colon < 0 ? "" : line.substring(colon + 1).strip();
            String password = rest.split(",", 2)[0].strip();
            if (user.isEmpty() || password.isEmpty() || user.contains(" ")) {
                throw new ServeException(file + ":" + (i + 1)
                        + ": not a password line; write 'user: password' (Jetty password file format)");
            }
            users.add(user);
        }
        if (users.isEmpty()) {
            throw new ServeException("--password-file " + file + ": no users in it; add a line 'user: password'");
        }
        return users;
    }
}
