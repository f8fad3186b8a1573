package org.hotline81890.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hotline81890.gateway.schedule.ScaledClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulated people's actions at simulated instants (a provider answers "in 3 minutes", a resident replies to
 * the survey "after an hour"), each on a virtual thread. Keyed on simulated time, so a change of speed (the demo
 * drains a day faster than it fills it) moves every pending action with it.
 */
final class SimSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimSchedule.class);
    private static final Duration TICK = Duration.ofMillis(20);
    private final ScaledClock clock;
    private final PriorityBlockingQueue<Task> queue = new PriorityBlockingQueue<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong counted = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean open = true;

    /** {@code counted}: a person's answer still to come (the drain waits for it), not a round of a routine. */
    private record Task(Instant at, long seq, Runnable action, boolean counted) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    SimSchedule(ScaledClock clock) {
        this.clock = clock;
        this.dispatcher = Thread.ofPlatform().daemon().name("demo-schedule").start(this::dispatch);
    }

    /** Runs {@code action} once {@code after} of simulated time has passed. */
    void after(Duration after, Runnable action) {
        counted.incrementAndGet();
        queue.add(new Task(clock.instant().plus(after), sequence.incrementAndGet(), action, true));
    }

    /**
     * Runs {@code action} every {@code period} of simulated time until closed (an agent looking at the inbox), each
     * round after the last one ended; rounds are routine, not pending actions.
     */
    void every(Duration period, Runnable action) {
        queue.add(new Task(clock.instant().plus(period), sequence.incrementAndGet(), () -> {
            try {
                action.run();
            } finally {
                every(period, action);
            }
        }, false));
    }

    void now(Runnable action) {
        after(Duration.ZERO, action);
    }

    /** Actions waiting or running, routines aside. */
    long pending() {
        return counted.get();
    }

    private void dispatch() {
        while (open) {
            Task next = queue.peek();
            Instant now = clock.instant();
            if (next == null || next.at().isAfter(now)) {
                Duration wait = next == null ? TICK : clock.real(Duration.between(now, next.at()));
                sleep(wait.compareTo(TICK) > 0 ? TICK : wait);
                continue;
            }
            Task task = queue.poll();
            workers.execute(() -> {
                try {
                    task.action().run();
                } catch (RuntimeException e) {
                    LOG.warn("a simulated action failed: {}", e.toString());
                } finally {
                    if (task.counted()) {
                        counted.decrementAndGet();
                    }
                }
            });
        }
    }

    private static void sleep(Duration d) {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.max(100_000, d.toNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        dispatcher.interrupt();
        workers.shutdownNow();
    }
}
