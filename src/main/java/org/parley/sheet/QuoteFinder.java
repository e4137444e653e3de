package org.parley.sheet;

import org.parley.validate.ReportText;

/** The passage of a report nearest to words that are not in it, to show the analyst what differs. */
public final class QuoteFinder {

    private QuoteFinder() {
    }

    /**
     * The window of the text, as long as the words and starting at a word boundary, with the fewest
     * edits from them (the text is a few thousand characters: a plain scan is quick enough).
     */
    public static String closestPassage(ReportText text, String words) {
        String all = text.substring(0, text.length());
        String quote = words.strip();
        if (all.isEmpty() || quote.isEmpty()) {
            return "";
        }
        int window = Math.min(quote.length(), all.length());
        int bestStart = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int start = 0; start + window <= all.length(); start++) {
            if (start > 0 && Character.isLetterOrDigit(all.charAt(start - 1))) {
                continue;
            }
            int distance = Names.editDistance(quote, all.substring(start, start + window));
            if (distance < bestDistance) {
                bestDistance = distance;
                bestStart = start;
            }
        }
        return all.substring(bestStart, bestStart + window);
    }
}
