package org.hotline81890.gateway.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.workorder.DeadlineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires database deadlines. It keeps nothing in memory: each round claims what is due from the database, so after a
 * restart (or on another node) every pending deadline is re-armed by simply being read again.
 */
public final class DeadlineScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineScheduler.class);
    private static final int BATCH = 100;
    private final DeadlineStore store;
    private final Map<String, DeadlineHandler> handlers;
    private final Duration pollInterval;
    private final Duration lease;
    private final Clock clock;
    private final PollingLoop loop;

    public DeadlineScheduler(DeadlineStore store, Map<String, DeadlineHandler> handlers, Duration pollInterval,
                             Duration lease, Clock clock) {
        this.store = store;
        this.handlers = Map.copyOf(handlers);
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.clock = clock;
        this.loop = new PollingLoop("deadline-scheduler", this::round, pollInterval);
    }

    public DeadlineScheduler start() {
        loop.start();
        return this;
    }

    /** A deadline was armed in this process: look again now rather than at the next poll. */
    public void wake() {
        loop.wake();
    }

    Duration round() {
        Instant now = clock.instant();
        List<DeadlineStore.DueDeadline> due = store.claimDue(now, BATCH, lease);
        for (DeadlineStore.DueDeadline d : due) {
            fire(d);
        }
        if (due.size() == BATCH) {
            return Duration.ZERO;
        }
        // The span to the next deadline is clock time; the loop sleeps real time (they differ on a ScaledClock).
        Duration wait = store.nextDue().map(t -> ScaledClock.realWait(clock, Duration.between(clock.instant(), t)))
                .orElse(pollInterval);
        return wait.compareTo(pollInterval) > 0 ? pollInterval : wait.isNegative() ? Duration.ZERO : wait;
    }

    private void fire(DeadlineStore.DueDeadline d) {
        DeadlineHandler handler = handlers.get(d.subjectType());
        if (handler == null) {
            LOG.error("no handler for deadline {} of subject type {}; marking it fired", d.id(), d.subjectType());
            store.markFired(d.id(), clock.instant());
            return;
        }
        try {
            handler.fire(d);
            store.markFired(d.id(), clock.instant());
        } catch (RuntimeException e) {
            // Left claimed: when the lease runs out it is fired again (handlers are idempotent).
            LOG.warn("deadline {} ({} {} {}) failed; retried after the lease", d.id(), d.subjectType(),
                    d.subjectId(), d.kind(), e);
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
