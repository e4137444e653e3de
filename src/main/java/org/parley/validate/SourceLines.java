package org.parley.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Where one file writes its triples, as its parser saw them: the line of each triple and the line
 * on which each subject's description starts, so that a problem found later, on the parsed graph,
 * can send the reader to the line to fix. Lines count from 1. A file parsed twice over the same
 * triple keeps the first place.
 */
public final class SourceLines {

    private final Map<Triple, Integer> triples = new HashMap<>();
    private final Map<Node, Integer> subjects = new HashMap<>();

    /** Records a triple at {@code line} whose subject was written at {@code subjectLine}. */
    public void add(Triple triple, int line, int subjectLine) {
        triples.putIfAbsent(triple, line);
        subjects.putIfAbsent(triple.getSubject(), subjectLine);
    }

    /** The line on which the file starts to describe {@code subject}, if it does. */
    public Optional<Integer> ofSubject(Node subject) {
        return Optional.ofNullable(subjects.get(subject));
    }

    /** The line of the triple, if the file has it. */
    public Optional<Integer> ofTriple(Triple triple) {
        return Optional.ofNullable(triples.get(triple));
    }
}
