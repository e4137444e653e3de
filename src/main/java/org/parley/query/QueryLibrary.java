package org.parley.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The question library in {@code queries/}: each {@code NAME.rq} file opens with a comment header
 * that asks its question in plain words and names its parameters. This class reads those headers,
 * so that the listing in {@code queries/README.md}, the server's {@code /queries} page and the
 * tests all read the question from one place.
 */
public final class QueryLibrary {

    /** Plain file names ending in .rq: never a path, so a name from a URL cannot escape the folder. */
    public static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.rq");

    private static final Pattern FEDERATED = Pattern.compile("\\bSERVICE\\b");
    private static final Pattern PARAMETER = Pattern.compile("\\?([A-Za-z][A-Za-z0-9_]*)");

    private QueryLibrary() {
    }

    /** One query file: its name without .rq, its question, the parameters its header names, its text. */
    public record Entry(String name, String question, List<String> parameters, String text) {
        public String fileName() {
            return name + ".rq";
        }

        /** Whether the query calls a remote endpoint (SERVICE), which the server refuses unless allowed. */
        public boolean isFederated() {
            return FEDERATED.matcher(text).find();
        }
    }

    /** The .rq files of a folder, in name order; an absent folder has none. */
    public static List<Entry> entries(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).sorted().toList()) {
                entries.add(entry(file));
            }
            return entries;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static Entry entry(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        return new Entry(name, question(text), parameters(text), text);
    }

    /**
     * The question: the first paragraph of the leading comment block (up to its first empty comment
     * line), joined into one line, without a leading "Question:".
     */
    public static String question(String text) {
        StringBuilder question = new StringBuilder();
        for (String line : header(text)) {
            if (line.isEmpty()) {
                if (question.length() > 0) {
                    break;
                }
                continue;
            }
            question.append(question.length() == 0 ? "" : " ").append(line);
        }
        return question.toString().replaceFirst("^(?i)question:\\s*", "");
    }

    /**
     * The parameters the header names on its "Parameter:" line(s), as variable names without '?',
     * e.g. {@code partyName} for "Parameter: ?partyName, the party's label".
     */
    public static List<String> parameters(String text) {
        List<String> names = new ArrayList<>();
        for (String line : header(text)) {
            if (line.regionMatches(true, 0, "Parameter", 0, "Parameter".length())) {
                Matcher variable = PARAMETER.matcher(line);
                while (variable.find()) {
                    if (!names.contains(variable.group(1))) {
                        names.add(variable.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** The leading comment lines, without their '#' and surrounding spaces. */
    private static List<String> header(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.startsWith("#")) {
                break;
            }
            lines.add(stripped.replaceFirst("^#+", "").strip());
        }
        return lines;
    }

    /** The Markdown listing kept in queries/README.md; a test checks that the file equals it. */
    public static String readme(List<Entry> entries) {
        StringBuilder md = new StringBuilder();
        md.append("# Parley question library\n\n");
        md.append("One question per file. Each file's header comment says what the question is, what each\n");
        md.append("column means and which parameters it takes. Run one with\n");
        md.append("`java -jar target/parley.jar query NAME [--param name=value]`, paste it into the web UI,\n");
        md.append("or send it to `/parley/sparql`.\n\n");
        md.append("Any SELECT can be paged: `--param limit=100 --param offset=100` asks for the second page of\n");
        md.append("100 rows (over HTTP, add `LIMIT 100 OFFSET 100` to the text). Every query orders its rows so\n");
        md.append("that pages neither overlap nor skip; the queries that can answer with very many rows on a\n");
        md.append("large knowledge base list `limit` and `offset` among their parameters.\n\n");
        md.append("This listing is made from the headers (`java -cp target/parley.jar ")
                .append(QueryLibrary.class.getName()).append(" queries > queries/README.md`);\n");
        md.append("a test fails when the two drift apart.\n\n");
        md.append("| query | question | parameters |\n");
        md.append("|---|---|---|\n");
        for (Entry entry : entries) {
            md.append("| [`").append(entry.name()).append("`](").append(entry.fileName()).append(") | ")
                    .append(entry.question().replace("|", "\\|")).append(" | ")
                    .append(String.join(", ", entry.parameters().stream().map(p -> "`" + p + "`").toList()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Prints the README listing of the folder given as the only argument (default: queries). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "queries");
        System.out.print(readme(entries(dir)));
    }
}
