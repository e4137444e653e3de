package org.parley.validate;

import java.util.List;

/** One kind of check over the parsed project. Checks only report; they never change the project. */
public interface ProjectCheck {

    List<Problem> check(ParsedProject project);
}
