package org.parley.generate;

/**
 * A report text written sentence by sentence, keeping the offset of every sentence in Unicode code
 * points (the unit of oa:start and oa:end that validate/ExcerptCheck checks), so that each excerpt
 * is, by construction, the text between its offsets.
 */
final class TextWriter {

    /** Words of the report text between two offsets (code points, end exclusive). */
    record Span(int start, int end, String exact) {
    }

    /** A sentence once placed in the text: it gives the span of any of its parts. */
    static final class Placed {
        private final int base;
        private final String sentence;

        private Placed(int base, String sentence) {
            this.base = base;
            this.sentence = sentence;
        }

        /** The part of the sentence between two char indexes of it. */
        Span span(int fromChar, int toChar) {
            return new Span(base + sentence.codePointCount(0, fromChar), base + sentence.codePointCount(0, toChar),
                    sentence.substring(fromChar, toChar));
        }

        /** The first occurrence of words in the sentence. */
        Span span(String words) {
            int at = sentence.indexOf(words);
            if (at < 0) {
                throw new IllegalStateException("\"" + words + "\" is not in \"" + sentence + "\"");
            }
            return span(at, at + words.length());
        }

        Span whole() {
            return span(0, sentence.length());
        }
    }

    private final StringBuilder text = new StringBuilder();
    private int codePoints;

    /** Appends words that carry no claim (a headline, a line break). */
    void write(String words) {
        text.append(words);
        codePoints += words.codePointCount(0, words.length());
    }

    /** Appends a sentence and returns it placed, for its spans. */
    Placed place(String sentence) {
        Placed placed = new Placed(codePoints, sentence);
        write(sentence);
        return placed;
    }

    String text() {
        return text.toString();
    }
}
