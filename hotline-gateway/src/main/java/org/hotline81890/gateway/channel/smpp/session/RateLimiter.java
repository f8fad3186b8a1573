package org.hotline81890.gateway.channel.smpp.session;

import java.util.concurrent.locks.LockSupport;

/** Paces calls to at most {@code perSecond}, evenly spaced (each caller reserves the next slot). */
public final class RateLimiter {
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    public RateLimiter(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    /** Blocks (parks, fine on a virtual thread) until the caller's slot. */
    public void acquire() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        while (wait > 0) {
            long start = System.nanoTime();
            LockSupport.parkNanos(wait);
            wait -= System.nanoTime() - start;
        }
    }
}
