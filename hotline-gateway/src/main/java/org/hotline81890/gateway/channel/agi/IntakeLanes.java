package org.hotline81890.gateway.channel.agi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.slf4j.MDC;

/**
 * The database lanes of the intake: a fixed set of platform threads, one per connection the intake may hold, on
 * which the calls' work orders open in arrival order. Platform threads, not virtual ones, so that the JDBC work
 * (CPU in the driver, the transaction) never holds one of the few carrier threads the calls' AGI commands run on:
 * the operating system time-slices it against them instead. A task that waited longer than the lane wait (the
 * greeting's length and then some) fails with {@link StorageUnavailableException} instead of running late.
 */
public final class IntakeLanes implements AutoCloseable {
    private final ExecutorService threads;
    private final Duration wait;

    public IntakeLanes(int lanes, Duration wait) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1: " + lanes);
        }
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("lane wait must be positive: " + wait);
        }
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(lanes,
                r -> Thread.ofPlatform().daemon().name("agi-intake-" + n.incrementAndGet()).unstarted(r));
        this.wait = wait;
    }

    /** Runs {@code work} on a free lane, with the caller's MDC (call id) for its log lines. */
    <T> Future<T> submit(Callable<T> work) {
        long queued = System.nanoTime();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return threads.submit(() -> {
            long waited = System.nanoTime() - queued;
            if (waited > wait.toNanos()) {
                throw new StorageUnavailableException("no database lane free",
                        new TimeoutException("waited " + Duration.ofNanos(waited).toMillis() + " ms"));
            }
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                return work.call();
            } finally {
                MDC.clear();
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
