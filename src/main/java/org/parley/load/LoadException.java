package org.parley.load;

import java.util.List;

import org.parley.validate.Problem;

/** The knowledge base could not be loaded; nothing was returned or written. Carries every problem found. */
public class LoadException extends Exception {

    private final transient List<Problem> problems;

    public LoadException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public LoadException(Problem problem) {
        this(List.of(problem));
    }

    /** What went wrong, each problem naming its file and line or resource, the rule and a hint. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "the knowledge base could not be loaded";
        }
        String first = problems.get(0).oneLine();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
