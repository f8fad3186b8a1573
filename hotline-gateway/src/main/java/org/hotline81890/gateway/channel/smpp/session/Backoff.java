package org.hotline81890.gateway.channel.smpp.session;

import java.time.Duration;

/** Capped exponential backoff: initial, doubled after each failure up to max; {@link #reset()} on success. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff " + initial + ".." + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    public synchronized Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public synchronized void reset() {
        next = initial;
    }
}
