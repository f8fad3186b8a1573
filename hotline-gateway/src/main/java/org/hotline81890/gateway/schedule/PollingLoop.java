package org.hotline81890.gateway.schedule;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop on a virtual thread: runs a round, then waits as long as the round asked, or until woken.
 * Used by the outbox relay and the deadline scheduler; a round that throws is logged and retried later.
 */
public final class PollingLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);
    private final String name;
    private final Supplier<Duration> round;
    private final Duration afterFailure;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public PollingLoop(String name, Supplier<Duration> round, Duration afterFailure) {
        this.name = name;
        this.round = round;
        this.afterFailure = afterFailure;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::loop);
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            Duration wait;
            try {
                wait = round.get();
                if (failing) {
                    LOG.info("{} recovered", name);
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("{} round failed; retrying every {} ms", name, afterFailure.toMillis(), e);
                    failing = true;
                }
                wait = afterFailure;
            }
            try {
                if (!wait.isZero() && !wait.isNegative()) {
                    wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs the next round now (e.g. right after a commit wrote work for it). */
    public void wake() {
        wake.release();
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wake.release();
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
