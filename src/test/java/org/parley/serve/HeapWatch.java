package org.parley.serve;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap of this JVM (where the test's server runs) while a test loads it, two ways:
 * <ul>
 * <li>the used heap, sampled every few milliseconds: the peak includes garbage not yet
 *     collected, so it depends on when the collector ran;</li>
 * <li>the heap in use right after each garbage collection (the collector's own notification):
 *     what the server really held. This is the figure a bound is asserted on.</li>
 * </ul>
 */
final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakSampled = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        peakSampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // The map holds non-heap pools (metaspace, code cache) too: count the heap's only.
        long after = heapPoolsUsed(info);
        peakAfterGc.accumulateAndGet(after, Math::max);
        collections.incrementAndGet();
    }

    private static long heapPoolsUsed(GarbageCollectionNotificationInfo info) {
        long heap = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (after != null) {
                    heap += after.getUsed();
                }
            }
        }
        return heap;
    }

    /** The largest used heap sampled so far, in bytes. */
    long peakSampled() {
        sample();
        return peakSampled.get();
    }

    /**
     * The largest heap in use after a collection so far, in bytes; a collection is forced first so
     * that there is at least one, covering what is held now.
     */
    long peakAfterGc() {
        long before = collections.get();
        System.gc();
        // The notification comes on another thread; wait for it (bounded: a guard, not a timing).
        for (int i = 0; i < 200 && collections.get() == before; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (collections.get() == before) {
            // No notification (an unusual collector): what is in use now, after the full GC.
            peakAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
        return peakAfterGc.get();
    }

    long collections() {
        return collections.get();
    }

    static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
