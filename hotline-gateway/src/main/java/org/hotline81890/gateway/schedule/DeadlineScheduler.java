package org.hotline81890.gateway.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.hotline81890.gateway.workorder.DeadlineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires database deadlines. It keeps nothing in memory but what it is firing: each round claims what is due from the
 * database (with a lease, so another node never fires the same deadline meanwhile), so after a restart (or on another
 * node) every pending deadline is re-armed by simply being read again.
 *
 * <p>Due deadlines fire in parallel, at most {@code parallel} at once, each on a virtual thread: a handler waits on
 * the database and on its work order's row lock, and one at a time the scheduler fell hours behind when thousands
 * fell due together (held orders at an opening, offers' answer windows at a peak). The deadlines of one subject
 * (one offer, one work order) still fire one after the other, in the order they were claimed (due first). A round
 * claims only as many as there is room for, and a deadline that this scheduler is still firing when its lease runs
 * out and it is claimed again is not fired a second time here.
 *
 * <p>A deadline fired is marked so in the transaction of the next round's claim ({@link DeadlineStore#settleAndClaim},
 * ADR 0052), as the outbox relay's done marks ride with its claim (ADR 0042): one commit per round, not one per
 * deadline. A firing wakes the loop, so the mark follows within a round. A mark lost in a crash is a deadline fired
 * again once its lease runs out, which handlers already allow (they are idempotent).
 */
public final class DeadlineScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineScheduler.class);
    private static final int BATCH = 100;
    /** Deadlines fired at once when the configuration does not say (scheduler.parallel). */
    public static final int DEFAULT_PARALLEL = 8;
    private final DeadlineStore store;
    private final Map<String, DeadlineHandler> handlers;
    private final Duration pollInterval;
    private final Duration lease;
    private final Clock clock;
    private final PollingLoop loop;
    private final int parallel;
    private final Semaphore slots;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    /** Claimed here and not yet fired (queued behind their subject or firing). */
    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
    /** Per subject, the claimed deadlines waiting for the one of that subject that is firing; guarded by itself. */
    private final Map<Subject, Deque<DeadlineStore.DueDeadline>> bySubject = new HashMap<>();
    /** Fired here and not yet marked fired in the store: written with the next round's claim. */
    private final ConcurrentLinkedQueue<Long> fired = new ConcurrentLinkedQueue<>();
    /** Marks per round at most: the UPDATE's IN list stays a reasonable statement. */
    private static final int MAX_MARKS = 500;
    private volatile boolean closed;
    /**
     * Shortest time between two claims: the wakes of deadlines that finish meanwhile (one per firing at a peak) are
     * served by one claim, with their marks, instead of a claim transaction each. Bounds the delay a wake may add.
     */
    private static final long MIN_CLAIM_GAP_NANOS = Duration.ofMillis(10).toNanos();
    private long lastClaimNanos = System.nanoTime() - MIN_CLAIM_GAP_NANOS;

    private record Subject(String type, long id) {
    }

    public DeadlineScheduler(DeadlineStore store, Map<String, DeadlineHandler> handlers, Duration pollInterval,
                             Duration lease, Clock clock) {
        this(store, handlers, pollInterval, lease, clock, DEFAULT_PARALLEL);
    }

    /** {@code parallel}: deadlines fired at once (keep it within what the database pool and the locks allow). */
    public DeadlineScheduler(DeadlineStore store, Map<String, DeadlineHandler> handlers, Duration pollInterval,
                             Duration lease, Clock clock, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
        }
        this.store = store;
        this.handlers = Map.copyOf(handlers);
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.clock = clock;
        this.parallel = parallel;
        this.slots = new Semaphore(parallel);
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

    /**
     * One round: claims as many due deadlines as there is room for (twice the parallelism, less those claimed and
     * not yet fired) and starts firing them without waiting for them.
     */
    Duration round() {
        int room = Math.min(BATCH, 2 * parallel - claimed.size());
        if (room <= 0) {
            return pollInterval; // a deadline that finishes wakes the loop
        }
        spaceClaims();
        Instant now = clock.instant();
        List<Long> marks = takeMarks();
        List<DeadlineStore.DueDeadline> due;
        try {
            due = store.settleAndClaim(marks, now, room, lease);
        } catch (RuntimeException ex) {
            fired.addAll(marks); // with the next round; if none comes, the leases run out and they fire again
            throw ex;
        }
        for (DeadlineStore.DueDeadline d : due) {
            if (!claimed.add(d.id())) {
                LOG.warn("deadline {} outlived its lease of {} while queued or firing here and was claimed again; "
                        + "the firing under way settles it (is scheduler.lease too short?)", d.id(), lease);
                continue;
            }
            enqueue(d);
        }
        if (due.size() == room || !fired.isEmpty()) {
            return Duration.ZERO;
        }
        // The span to the next deadline is clock time; the loop sleeps real time (they differ on a ScaledClock).
        Duration wait = store.nextDue().map(t -> ScaledClock.realWait(clock, Duration.between(clock.instant(), t)))
                .orElse(pollInterval);
        return wait.compareTo(pollInterval) > 0 ? pollInterval : wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Queues {@code d} behind its subject's deadline in firing, or starts firing its subject's queue now. */
    private void enqueue(DeadlineStore.DueDeadline d) {
        Subject subject = new Subject(d.subjectType(), d.subjectId());
        synchronized (bySubject) {
            Deque<DeadlineStore.DueDeadline> queue = bySubject.get(subject);
            if (queue != null) {
                queue.addLast(d);
                return;
            }
            queue = new ArrayDeque<>();
            queue.addLast(d);
            bySubject.put(subject, queue);
        }
        workers.execute(() -> drain(subject));
    }

    /** Fires the subject's queued deadlines one after the other, each in a slot of its own. */
    private void drain(Subject subject) {
        while (true) {
            DeadlineStore.DueDeadline d;
            synchronized (bySubject) {
                Deque<DeadlineStore.DueDeadline> queue = bySubject.get(subject);
                d = queue.peekFirst();
            }
            slots.acquireUninterruptibly();
            try {
                fire(d);
            } finally {
                slots.release();
                claimed.remove(d.id());
            }
            loop.wake(); // room for the next claim
            synchronized (bySubject) {
                Deque<DeadlineStore.DueDeadline> queue = bySubject.get(subject);
                queue.removeFirst();
                if (queue.isEmpty()) {
                    bySubject.remove(subject);
                    return;
                }
            }
        }
    }

    private void fire(DeadlineStore.DueDeadline d) {
        DeadlineHandler handler = handlers.get(d.subjectType());
        if (handler == null) {
            LOG.error("no handler for deadline {} of subject type {}; marking it fired", d.id(), d.subjectType());
            marked(d.id());
            return;
        }
        try {
            handler.fire(d);
            marked(d.id());
        } catch (RuntimeException e) {
            // Left claimed: when the lease runs out it is fired again (handlers are idempotent).
            LOG.warn("deadline {} ({} {} {}) failed; retried after the lease", d.id(), d.subjectType(),
                    d.subjectId(), d.kind(), e);
        }
    }

    private void spaceClaims() {
        long wait = lastClaimNanos + MIN_CLAIM_GAP_NANOS - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        lastClaimNanos = System.nanoTime();
    }

    /** Fired: marked with the next round's claim, or at once once the loop has stopped. */
    private void marked(long id) {
        fired.add(id);
        if (closed) {
            flushMarks();
        }
    }

    private List<Long> takeMarks() {
        List<Long> marks = new ArrayList<>();
        for (Long id = fired.poll(); id != null; id = marks.size() < MAX_MARKS ? fired.poll() : null) {
            marks.add(id);
        }
        return marks;
    }

    /** Writes the marks no round will take (the loop has stopped). */
    private void flushMarks() {
        for (List<Long> marks = takeMarks(); !marks.isEmpty(); marks = takeMarks()) {
            try {
                store.markAllFired(marks, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("{} fired deadlines not marked fired; they fire again after their lease", marks.size(), e);
                return;
            }
        }
    }

    @Override
    public void close() {
        loop.close();
        closed = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("deadlines still firing after 10 s at close; their leases run out and they fire again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushMarks();
    }
}
