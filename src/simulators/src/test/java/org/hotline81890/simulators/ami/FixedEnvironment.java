package org.hotline81890.simulators.ami;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The capture machine's clock and ids, replayed so that the simulator's bytes match a transcript exactly. */
final class FixedEnvironment implements AmiEnvironment {

    final AtomicLong epoch;
    private final Deque<String> pings;
    private final String eventTv;
    private final String sessionId;
    private final long uptime;

    FixedEnvironment(long epoch, List<String> pings, String eventTv, String sessionId, long uptime) {
        this.epoch = new AtomicLong(epoch);
        this.pings = new ArrayDeque<>(pings);
        this.eventTv = eventTv;
        this.sessionId = sessionId;
        this.uptime = uptime;
    }

    @Override
    public long epochSeconds() {
        return epoch.get();
    }

    @Override
    public synchronized String pingTimestamp() {
        return pings.isEmpty() ? "0.000000" : pings.pollFirst();
    }

    @Override
    public String eventTv() {
        return eventTv;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public long uptimeSeconds() {
        return uptime;
    }
}
