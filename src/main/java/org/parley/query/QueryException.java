package org.parley.query;

import org.parley.validate.Problem;

/** A query could not be found, parsed, parameterised or written in the asked format. */
public class QueryException extends Exception {

    private final transient Problem problem;

    public QueryException(Problem problem) {
        super(problem.oneLine());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
