package org.hotline81890.gateway.channel.smpp.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-number limit on how many texts become work orders ({@code smpp.inbound-limit} within
 * {@code smpp.inbound-window}; 0 = no limit). Kept in memory per gateway node: with several nodes each allows the
 * limit. Over the limit nothing is lost: the caller keeps the text as a note on the sender's latest order.
 */
public final class InboundLimiter {
    private static final int PRUNE_AT = 100_000;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> seen = new ConcurrentHashMap<>();

    public InboundLimiter(int limit, Duration window, Clock clock) {
        if (limit < 0) {
            throw new IllegalArgumentException("smpp.inbound-limit must be >= 0: " + limit);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one message from {@code number}; false when it is over the limit. */
    public boolean allow(String number) {
        if (limit == 0) {
            return true;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(window);
        if (seen.size() > PRUNE_AT) {
            seen.values().removeIf(q -> {
                synchronized (q) {
                    return q.isEmpty() || q.peekLast().isBefore(cutoff);
                }
            });
        }
        ArrayDeque<Instant> q = seen.computeIfAbsent(number, n -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
                q.pollFirst();
            }
            if (q.size() >= limit) {
                return false;
            }
            q.addLast(now);
            return true;
        }
    }
}
