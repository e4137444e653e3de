package org.parley.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a {@code user: password} file, split once for every reader of that format: the
 * password file of {@code parley serve --password-file} and the store credentials of
 * {@code parley load --into --credentials}. Blank lines and {@code #} comments are skipped; the user
 * is what stands before the first colon, the rest is everything after it (it may itself hold colons
 * or, in a Jetty password file, {@code ,role}), both stripped. Judging a line is left to the reader,
 * whose rules and messages differ.
 */
public final class UserPasswordLines {

    /**
     * One line that is neither blank nor a comment; {@code user} and {@code rest} are empty when the
     * line has no colon.
     */
    public record Line(int number, String user, String rest) {}

    private UserPasswordLines() {}

    /** The lines worth reading, in file order, numbered from 1 as an editor shows them. */
    public static List<Line> of(List<String> lines) {
        List<Line> read = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String user = colon < 0 ? "" : line.substring(0, colon).strip();
            String rest = colon < 0 ? "" : line.substring(colon + 1).strip();
            read.add(new Line(i + 1, user, rest));
        }
        return read;
    }
}
