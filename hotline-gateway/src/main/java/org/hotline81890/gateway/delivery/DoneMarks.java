package org.hotline81890.gateway.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotline81890.gateway.workorder.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks delivered outbox rows done in groups: the delivery that finds no write in progress writes every id queued
 * so far in one statement (and again while more arrive); the others only queue theirs and return. Under load that
 * is one transaction for many rows instead of one each, without a timer: a lone delivery is marked at once.
 * A failed write loses nothing: those rows are delivered again after their lease (receivers dedupe).
 */
final class DoneMarks {
    private static final Logger LOG = LoggerFactory.getLogger(DoneMarks.class);
    private static final int MAX_GROUP = 500;
    private final Outbox outbox;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    DoneMarks(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void done(long id) {
        queued.add(id);
        while (!queued.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeQueued();
            } finally {
                writing.set(false);
            }
        }
    }

    private void writeQueued() {
        List<Long> group = new ArrayList<>();
        for (Long id = queued.poll(); id != null; id = queued.poll()) {
            group.add(id);
            if (group.size() == MAX_GROUP) {
                write(group);
                group = new ArrayList<>();
            }
        }
        write(group);
    }

    private void write(List<Long> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            outbox.markAllDone(group, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not mark {} delivered outbox rows done; they are delivered again after their lease",
                    group.size(), e);
        }
    }
}
