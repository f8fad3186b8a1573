package org.hotline81890.gateway.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.hotline81890.gateway.workorder.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of delivered outbox rows until the relay's next round writes them done in the transaction of its claim
 * ({@link Outbox#settleAndClaim}): one commit per round for the done marks and the next batch, where each had its
 * own. A delivery only queues its id and wakes the relay. A round that fails gives its ids back for the next one; a
 * mark never written loses nothing either: the row is delivered again after its lease (receivers dedupe). Once the
 * relay stops, {@link #flush} writes what is left and later marks are written at once.
 */
final class DoneMarks {
    private static final Logger LOG = LoggerFactory.getLogger(DoneMarks.class);
    /** Ids per round: the UPDATE's IN list stays a reasonable statement. */
    static final int MAX_GROUP = 500;
    private final Outbox outbox;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>();
    private volatile boolean direct;

    DoneMarks(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A delivery was confirmed: its row is marked done with the next round's claim. */
    void done(long id) {
        queued.add(id);
        if (direct) {
            flush();
        }
    }

    /** Up to {@link #MAX_GROUP} queued ids for this round's claim; {@link #giveBack} them if it fails. */
    List<Long> take() {
        List<Long> group = new ArrayList<>();
        for (Long id = queued.poll(); id != null; id = queued.poll()) {
            group.add(id);
            if (group.size() == MAX_GROUP) {
                break;
            }
        }
        return group;
    }

    boolean pending() {
        return !queued.isEmpty();
    }

    void giveBack(List<Long> ids) {
        queued.addAll(ids);
    }

    /** The relay stopped: writes what is queued, and from now on every mark at once. */
    void flush() {
        direct = true;
        for (List<Long> group = take(); !group.isEmpty(); group = take()) {
            try {
                outbox.markAllDone(group, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("could not mark {} delivered outbox rows done; they are delivered again after their lease",
                        group.size(), e);
                return;
            }
        }
    }
}
