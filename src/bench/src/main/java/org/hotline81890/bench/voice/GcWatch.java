package org.hotline81890.bench.voice;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Counts this JVM's collections per collector bean (e.g. "G1 Young Generation", "ZGC Minor Pauses") with their
 * longest and total duration, from the JVM's GC notifications. For ZGC the "Cycles" beans are concurrent work,
 * the "Pauses" beans the stop-the-world pauses; for G1 every "Young"/"Old" collection is a pause.
 */
final class GcWatch {
    private final Map<String, LongAdder> count = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> totalMs = new ConcurrentHashMap<>();
    private final Map<String, LongAccumulator> maxMs = new ConcurrentHashMap<>();

    GcWatch start() {
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                String bean = info.getGcName();
                long ms = info.getGcInfo().getDuration();
                count.computeIfAbsent(bean, k -> new LongAdder()).increment();
                totalMs.computeIfAbsent(bean, k -> new LongAdder()).add(ms);
                maxMs.computeIfAbsent(bean, k -> new LongAccumulator(Math::max, 0)).accumulate(ms);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        return this;
    }

    /** Forgets what was counted so far (the warm-up). */
    void reset() {
        count.clear();
        totalMs.clear();
        maxMs.clear();
    }

    void print(PrintStream out) {
        new TreeMap<>(count).forEach((bean, n) -> out.printf("    %-22s %5d, longest %d ms, total %d ms%n", bean,
                n.sum(), maxMs.get(bean).get(), totalMs.get(bean).sum()));
    }
}
