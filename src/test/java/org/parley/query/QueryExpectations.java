package org.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The expected answers of one library query, read from {@code queries/tests/NAME.tsv}: one check a
 * line, tab-separated, written from reading the reports (queries/tests/README.md gives the format).
 * A file holds one or more cases; a {@code parameters} line starts a case run with those bindings.
 */
final class QueryExpectations {

    /** One run of the query: the bindings, and the checks of its rows. */
    record Case(Map<String, String> parameters, List<Check> checks) {
    }

    /** One line of the file, checked against the rows of a run. */
    record Check(int line, String text, Rule rule) {
    }

    /** A check's meaning: fails with an assertion error naming what was expected. */
    interface Rule {
        void check(List<Map<String, String>> rows, Context context);
    }

    /** What checks may ask beyond the rows: a report's text, a class's instance count. */
    interface Context {
        String reportText(String article);

        long instances(String prefixedClass);
    }

    private static final String AND = " && ";
    private static final String OR = " \\|\\| ";

    private QueryExpectations() {
    }

    static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<Check> checks = null;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\t");
            String where = file + ":" + (i + 1);
            if (fields[0].equals("parameters")) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int f = 1; f < fields.length; f++) {
                    String[] binding = fields[f].split("=", 2);
                    parameters.put(binding[0], binding[1]);
                }
                checks = new ArrayList<>();
                cases.add(new Case(parameters, checks));
                continue;
            }
            if (checks == null) {
                checks = new ArrayList<>();
                cases.add(new Case(Map.of(), checks));
            }
            checks.add(new Check(i + 1, text, rule(fields, where)));
        }
        return cases;
    }

    // -- The kinds of line ---------------------------------------------------------------------------

    private static Rule rule(String[] f, String where) {
        switch (f[0]) {
            case "columns":
                return (rows, c) -> assertEquals(List.of(f[1].split(" ")),
                        rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet()), "the columns");
            case "rows":
                // rows <TAB> parley:Class + N: one row per instance of the class, and N more.
                return (rows, c) -> {
                    String[] sum = f[1].split(" \\+ ");
                    assertEquals(c.instances(sum[0]) + Long.parseLong(sum[1]), rows.size(), "rows: " + f[1]);
                };
            case "some":
                return (rows, c) -> {
                    Predicate<Map<String, String>> p = conditions(f[1], c);
                    if (rows.stream().noneMatch(p)) {
                        fail("expected a row: " + f[1] + "; got " + rows.size() + " rows");
                    }
                };
            case "every":
                return (rows, c) -> {
                    Predicate<Map<String, String>> p = conditions(f[1], c);
                    List<Map<String, String>> failing = where(rows, f, 2, c).stream().filter(p.negate()).toList();
                    assertTrue(failing.isEmpty(), "every row" + whereText(f, 2) + ": " + f[1] + "; not " + failing);
                };
            case "none":
                return (rows, c) -> {
                    List<Map<String, String>> matching = rows.stream().filter(conditions(f[1], c)).toList();
                    assertTrue(matching.isEmpty(), "no row: " + f[1] + "; got " + matching);
                };
            case "count":
                return (rows, c) -> assertEquals(Long.parseLong(f[1]), rows.stream().filter(conditions(f[2], c)).count(),
                        "rows with " + f[2]);
            case "only":
                return (rows, c) -> {
                    List<Map<String, String>> matching = rows.stream().filter(conditions(f[1], c)).toList();
                    assertEquals(1, matching.size(), "exactly one row with " + f[1]);
                    if (f.length > 3 && f[2].equals("then")) {
                        assertTrue(conditions(f[3], c).test(matching.get(0)), f[3] + ": " + matching.get(0));
                    }
                };
            case "values":
                return (rows, c) -> assertEquals(list(f[2]), new TreeSet<>(column(where(rows, f, 3, c), f[1], List::of)),
                        f[1] + whereText(f, 3));
            case "items":
                return (rows, c) -> assertEquals(list(f[2]),
                        new TreeSet<>(column(where(rows, f, 3, c), f[1], v -> List.of(v.split(", ")))),
                        f[1] + " items" + whereText(f, 3));
            case "distinct":
                return (rows, c) -> assertEquals(Integer.parseInt(f[2]), column(where(rows, f, 3, c), f[1], List::of).size(),
                        "distinct " + f[1] + whereText(f, 3));
            case "order":
                return (rows, c) -> assertEquals(List.copyOf(list(f[2])), List.copyOf(column(where(rows, f, 3, c), f[1], List::of)),
                        "the order of " + f[1] + whereText(f, 3));
            case "first":
                return (rows, c) -> assertTrue(!rows.isEmpty() && conditions(f[1], c).test(rows.get(0)),
                        "the first row: " + f[1]);
            case "before":
                return (rows, c) -> {
                    int a = indexOf(rows, conditions(f[1], c));
                    int b = indexOf(rows, conditions(f[2], c));
                    assertTrue(a >= 0 && b > a, "a row with " + f[1] + " before one with " + f[2]);
                };
            case "next":
                return (rows, c) -> {
                    int a = indexOf(rows, conditions(f[1], c));
                    int b = indexOf(rows, conditions(f[2], c));
                    assertTrue(a >= 0 && b == a + 1, "the row with " + f[2] + " right after the one with " + f[1]);
                };
            default:
                throw new IllegalArgumentException(where + ": unknown check '" + f[0] + "'");
        }
    }

    private static List<Map<String, String>> where(List<Map<String, String>> rows, String[] f, int at, Context c) {
        if (f.length > at + 1 && f[at].equals("where")) {
            return rows.stream().filter(conditions(f[at + 1], c)).toList();
        }
        return rows;
    }

    private static String whereText(String[] f, int at) {
        return f.length > at + 1 && f[at].equals("where") ? " where " + f[at + 1] : "";
    }

    /** {@code a | b | c} as a set in written order; {@code -} is the empty set. */
    private static Set<String> list(String values) {
        if (values.equals("-")) {
            return Set.of();
        }
        return Stream.of(values.split(" \\| ")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The bound values of a column, each split as asked, distinct, in order of first appearance. */
    private static Set<String> column(List<Map<String, String>> rows, String var, Function<String, List<String>> split) {
        Set<String> values = new LinkedHashSet<>();
        rows.stream().map(r -> r.get(var)).filter(v -> v != null).forEach(v -> values.addAll(split.apply(v)));
        return values;
    }

    private static int indexOf(List<Map<String, String>> rows, Predicate<Map<String, String>> row) {
        for (int i = 0; i < rows.size(); i++) {
            if (row.test(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    // -- Conditions on one row -----------------------------------------------------------------------

    /**
     * Alternatives joined by {@code ||}, each conditions joined by {@code &&}, each condition
     * {@code COLUMN OPERATOR [VALUE]}.
     */
    private static Predicate<Map<String, String>> conditions(String text, Context c) {
        Predicate<Map<String, String>> any = row -> false;
        for (String alternative : text.split(OR)) {
            Predicate<Map<String, String>> all = row -> true;
            for (String condition : alternative.split(AND)) {
                all = all.and(condition(condition.strip(), c));
            }
            any = any.or(all);
        }
        return any;
    }

    private static Predicate<Map<String, String>> condition(String text, Context c) {
        String[] parts = text.split(" ", 3);
        String column = parts[0];
        String op = parts[1];
        String value = parts.length > 2 ? parts[2] : null;
        return switch (op) {
            case "bound" -> row -> row.get(column) != null;
            case "unbound" -> row -> row.get(column) == null;
            case "=" -> row -> value.equals(row.get(column));
            case "!=" -> row -> !value.equals(row.get(column));
            case "~" -> row -> row.get(column) != null && row.get(column).contains(value);
            case "!~" -> row -> row.get(column) == null || !row.get(column).contains(value);
            case "^" -> row -> row.get(column) != null && row.get(column).startsWith(value);
            case "in" -> row -> list(value).contains(row.get(column));
            // The column's ", "-separated items are exactly these.
            case "set" -> row -> row.get(column) != null && Set.of(row.get(column).split(", ")).equals(list(value));
            // Each "; "-separated part of the column occurs in the other column.
            case "within" -> row -> row.get(column) != null && row.get(value) != null
                    && Stream.of(row.get(column).split("; ")).allMatch(part -> row.get(value).contains(part));
            // The words are in the text of the row's report (column article).
            case "verbatim" -> row -> row.get(column) != null && c.reportText(row.get("article")).contains(row.get(column));
            // These parts occur in the column in this order.
            case "seq" -> row -> {
                String v = row.get(column);
                int from = 0;
                for (String part : value.split(" \\| ")) {
                    from = v == null ? -1 : v.indexOf(part, from);
                    if (from < 0) {
                        return false;
                    }
                }
                return true;
            };
            default -> throw new IllegalArgumentException("unknown operator '" + op + "' in: " + text);
        };
    }
}
