package org.parley.serve;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap of this JVM (where the test's server runs) while a test loads it, two ways:
 * <ul>
 * <li>the peak used heap, from the JVM's own per-pool peak counters (reset when the watch
 *     starts; their sum is an upper bound, since pools peak at different moments): it includes
 *     garbage not yet collected, so it depends on when the collector ran;</li>
 * <li>the heap in use right after each garbage collection (the collector's own notification):
 *     what the server really held. This is the figure a bound is asserted on.</li>
 * </ul>
 * Nothing samples by the clock: the JVM keeps the peaks, and the collector says when it is done.
 */
final class HeapWatch implements AutoCloseable {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;
    private long peakAfterGc;
    private long collections;

    HeapWatch() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // The map holds non-heap pools (metaspace, code cache) too: count the heap's only.
        long after = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (usage != null) {
                after += usage.getUsed();
            }
        }
        synchronized (this) {
            peakAfterGc = Math.max(peakAfterGc, after);
            collections++;
            notifyAll();
        }
    }

    /** The largest used heap since the watch started, in bytes (an upper bound, see above). */
    long peakUsed() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /**
     * The largest heap in use after a collection so far, in bytes; a collection is forced first so
     * that there is at least one, covering what is held now.
     */
    synchronized long peakAfterGc() throws InterruptedException {
        long before = collections;
        System.gc();
        // The collector's notification comes on another thread: wait for it (the minute is a
        // guard against a collector that sends none, not a timing).
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (collections == before && System.nanoTime() < deadline) {
            TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
        }
        if (collections == before) {
            // No notification (an unusual collector): what is in use now, after the full GC.
            peakAfterGc = Math.max(peakAfterGc, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return peakAfterGc;
    }

    synchronized long collections() {
        return collections;
    }

    static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
