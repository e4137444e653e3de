package org.parley.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * A report's text seen the way excerpts count it: by Unicode code points (not Java chars), offsets
 * 0-based, end exclusive. So "’" counts one and an emoji counts one, as in Python or SPARQL.
 */
public final class ReportText {

    /** Where words occur, in code point offsets. */
    public record Span(int start, int end) {
        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    private final String text;
    private final int length;

    public ReportText(String text) {
        this.text = text;
        this.length = text.codePointCount(0, text.length());
    }

    /** Length in code points. */
    public int length() {
        return length;
    }

    /** The text between two code point offsets, or null if they are not a span of the text. */
    public String substring(int start, int end) {
        if (start < 0 || end < start || end > length) {
            return null;
        }
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        return text.substring(from, to);
    }

    public boolean contains(String words) {
        return text.contains(words);
    }

    /** Every place the exact words occur (overlapping ones too), in code point offsets. */
    public List<Span> find(String words) {
        List<Span> spans = new ArrayList<>();
        if (words.isEmpty()) {
            return spans;
        }
        int wordsLength = words.codePointCount(0, words.length());
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            int start = text.codePointCount(0, at);
            spans.add(new Span(start, start + wordsLength));
        }
        return spans;
    }

    /**
     * Whether the words occur once quote marks, dashes and runs of white space are made alike:
     * the usual reason why words copied by hand are not verbatim.
     */
    public boolean containsLoosely(String words) {
        String loose = loosen(words);
        return !loose.isBlank() && loosen(text).contains(loose);
    }

    static String loosen(String s) {
        return s.replaceAll("[\u2018\u2019\u201A\u201B\u2032`]", "'")
                .replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"")
                .replaceAll("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-")
                .replaceAll("[\\s\u00A0]+", " ")
                .strip();
    }
}
