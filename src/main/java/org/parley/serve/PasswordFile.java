package org.parley.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.util.resource.ResourceFactory;

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
        for (UserPasswordLines.Line line : UserPasswordLines.of(lines)) {
            String user = line.user();
            String password = line.rest().split(",", 2)[0].strip();
            if (user.isEmpty() || password.isEmpty() || user.contains(" ")) {
                throw new ServeException(file + ":" + line.number()
                        + ": not a password line; write 'user: password' (Jetty password file format)");
            }
            users.add(user);
        }
        if (users.isEmpty()) {
            throw new ServeException("--password-file " + file + ": no users in it; add a line 'user: password'");
        }
        return users;
    }

    /**
     * The users of the password file, read once, for the server's basic auth. Not Fuseki's
     * builder.passwordFile(): its store re-reads the file every 5 s on a thread that outlives the
     * server, while the list of writers is fixed at start. The server stops this one with itself.
     */
    static PropertyUserStore userStore(Path file) {
        PropertyUserStore userStore = new PropertyUserStore();
        userStore.setConfig(ResourceFactory.root().newResource(file.toAbsolutePath()));
        try {
            userStore.start();
        } catch (Exception e) {
            throw new ServeException("--password-file " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        return userStore;
    }
}
