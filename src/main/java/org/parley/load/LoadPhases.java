package org.parley.load;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each phase of a load took, in order: for the summary a user tunes a large load by. */
final class LoadPhases {

    private final Map<String, Duration> times = new LinkedHashMap<>();
    private long since = System.nanoTime();

    /** The phase just ended. */
    void done(String phase) {
        long now = System.nanoTime();
        times.put(phase, Duration.ofNanos(now - since));
        since = now;
    }

    Map<String, Duration> times() {
        return Collections.unmodifiableMap(times);
    }

    /** Runs a task of the load on a daemon thread of its own (a killed load leaves none behind). */
    static void daemon(Runnable task) {
        Thread thread = new Thread(task, "parley-load-worker");
        thread.setDaemon(true);
        thread.start();
    }
}
