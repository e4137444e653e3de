package org.parley.serve;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.function.FunctionRegistry;

/**
 * SPARQL functions for tests that need a query to take a known shape in time, without the test
 * depending on how fast the machine is:
 * <ul>
 * <li>{@code <urn:parley-test:sleep>(ms)} sleeps, then returns ms: a query over N rows takes
 *     at least N times ms, however fast the machine;</li>
 * <li>{@code <urn:parley-test:hold>()} signals {@link #held} and waits until the test calls
 *     {@link #release()} (at most a minute): a query provably still running while the test
 *     does something else.</li>
 * </ul>
 */
final class TestFunctions {

    static final String SLEEP = "urn:parley-test:sleep";
    static final String HOLD = "urn:parley-test:hold";

    static volatile CountDownLatch held = new CountDownLatch(1);
    private static volatile CountDownLatch release = new CountDownLatch(1);

    private TestFunctions() {
    }

    static synchronized void register() {
        FunctionRegistry.get().put(SLEEP, Sleep.class);
        FunctionRegistry.get().put(HOLD, Hold.class);
    }

    /** Re-arms the hold for a new test. */
    static void resetHold() {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    static void release() {
        release.countDown();
    }

    /**
     * A fixed cost per row, not a wait for something to happen: the sleep is the work. A query of
     * N rows then lasts at least N times ms whatever the machine, so a timeout far below that is
     * certain to go off (ARQ checks for cancellation between rows).
     */
    public static final class Sleep extends FunctionBase1 {
        @Override
        public NodeValue exec(NodeValue millis) {
            try {
                Thread.sleep(millis.getInteger().longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return millis;
        }
    }

    public static final class Hold extends FunctionBase0 {
        @Override
        public NodeValue exec() {
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NodeValue.TRUE;
        }
    }
}
