package org.parley.load;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What a long load shows on a terminal: one status line, rewritten in place at most every half
 * second: reports and quads done, the rate, and the time left at that rate. Quiet when the output
 * is not a terminal (a log file gets only the command's one-line summary).
 */
public final class LoadProgress {

    /** Shows nothing. */
    public static final LoadProgress QUIET = new LoadProgress(null);

    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastShown;
    private int total;
    private boolean shown;

    private LoadProgress(PrintStream out) {
        this.out = out;
    }

    /** A status line on {@code out} if this process writes to a terminal, else {@link #QUIET}. */
    public static LoadProgress onTerminal(PrintStream out) {
        return System.console() != null ? new LoadProgress(out) : QUIET;
    }

    void started(int reports) {
        this.total = reports;
    }

    void reportDone(int reportsDone, long quads) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastShown < EVERY_NANOS && reportsDone < total) {
            return;
        }
        lastShown = now;
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = quads / seconds;
        double left = reportsDone == 0 ? 0 : seconds * (total - reportsDone) / reportsDone;
        out.print(String.format(Locale.ROOT, "\r  %,d/%,d reports, %,d quads, %,.0f quads/s, %s left   ",
                reportsDone, total, quads, rate, duration(left)));
        out.flush();
        shown = true;
    }

    /** Ends the status line, so that what is printed next starts on a line of its own. */
    void finished() {
        if (out != null && shown) {
            out.println();
            out.flush();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
