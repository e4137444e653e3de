package org.parley.curate;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report's sentences, from java.text.BreakIterator (the JDK's Unicode sentence boundaries: it
 * keeps "Nov. 30" and "U.S." inside their sentence far better than splitting on full stops), line
 * by line, since every line of a report is a paragraph or a headline.
 */
public final class Sentences {

    /** One sentence: its words and where they are, in chars of the text. */
    public record Sentence(String text, int start, int end) {
    }

    private Sentences() {
    }

    /** Whether a quotation opened in the words is still open at their end. */
    static boolean insideQuotation(String words) {
        long straight = words.chars().filter(c -> c == '"').count();
        long opening = words.chars().filter(c -> c == '\u201C').count();
        long closing = words.chars().filter(c -> c == '\u201D').count();
        return straight % 2 == 1 || opening > closing;
    }

    public static List<Sentence> of(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            boundaries.setText(line);
            int pending = -1;
            for (int start = boundaries.first(), end = boundaries.next(); end != BreakIterator.DONE;
                 start = end, end = boundaries.next()) {
                if (pending >= 0) {
                    start = pending;
                }
                String sentence = line.substring(start, end);
                if (insideQuotation(sentence) && end < line.length()) {
                    // BreakIterator ends sentences inside a quotation; the quotation and its
                    // "..., Nono said" are one attribution, so keep them together.
                    pending = start;
                    continue;
                }
                pending = -1;
                String trimmed = sentence.strip();
                if (!trimmed.isEmpty()) {
                    int offset = lineStart + start + sentence.indexOf(trimmed);
                    sentences.add(new Sentence(trimmed, offset, offset + trimmed.length()));
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }
}
