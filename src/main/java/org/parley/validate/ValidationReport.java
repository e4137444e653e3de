package org.parley.validate;

import java.util.ArrayList;
import java.util.List;

/** The problems found by a set of checks, in the order the checks found them. */
public final class ValidationReport {

    private final List<Problem> problems;

    public ValidationReport(List<Problem> problems) {
        this.problems = List.copyOf(problems);
    }

    public static ValidationReport of(List<Problem> problems) {
        return new ValidationReport(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    /** True when no check found an error (warnings allowed). */
    public boolean passed() {
        return errorCount() == 0;
    }

    /** E.g. {@code "2 errors, 1 warning"} or {@code "no problems"}. */
    public String summary() {
        if (problems.isEmpty()) {
            return "no problems";
        }
        return plural(errorCount(), "error") + ", " + plural(warningCount(), "warning");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A new report with the other report's problems appended. */
    public ValidationReport plus(ValidationReport other) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new ValidationReport(all);
    }
}
