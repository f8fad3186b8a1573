package org.hotline81890.gateway.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CallRecords} in memory, with the MySQL adapter's rules: one record per uniqueid, first join wins. */
public final class InMemoryCallRecords implements CallRecords {
    private enum Outcome { WAITING, ANSWERED, ABANDONED }

    private static final class Call {
        final Instant joined;
        Outcome outcome = Outcome.WAITING;
        Long waitSeconds;
        Long talkSeconds;
        Instant ended;

        Call(Instant joined) {
            this.joined = joined;
        }
    }

    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    @Override
    public void joined(String uniqueId, String callerNumber, String queue, Instant at) {
        calls.putIfAbsent(uniqueId, new Call(at));
    }

    @Override
    public void agentCalled(String uniqueId, Instant at) {
        // The fake keeps no ring time: no KPI reads it.
    }

    @Override
    public synchronized void answered(String uniqueId, String agent, long holdSeconds, Instant at) {
        Call c = calls.get(uniqueId);
        if (c != null && c.outcome == Outcome.WAITING) {
            c.outcome = Outcome.ANSWERED;
            c.waitSeconds = holdSeconds;
        }
    }

    @Override
    public synchronized void completed(String uniqueId, long talkSeconds, Instant at) {
        Call c = calls.get(uniqueId);
        if (c != null) {
            c.talkSeconds = talkSeconds;
            c.ended = c.ended == null ? at : c.ended;
        }
    }

    @Override
    public synchronized void abandoned(String uniqueId, long holdSeconds, Instant at) {
        Call c = calls.get(uniqueId);
        if (c != null && c.outcome == Outcome.WAITING) {
            c.outcome = Outcome.ABANDONED;
            c.waitSeconds = holdSeconds;
            c.ended = c.ended == null ? at : c.ended;
        }
    }

    @Override
    public synchronized void hungUp(String uniqueId, Instant at) {
        Call c = calls.get(uniqueId);
        if (c != null) {
            c.ended = c.ended == null ? at : c.ended;
            c.waitSeconds = c.waitSeconds == null ? Duration.between(c.joined, at).toSeconds() : c.waitSeconds;
            c.outcome = c.outcome == Outcome.WAITING ? Outcome.ABANDONED : c.outcome;
        }
    }

    private synchronized List<Call> joinedIn(Instant from, Instant to) {
        return calls.values().stream().filter(c -> !c.joined.isBefore(from) && c.joined.isBefore(to)).toList();
    }

    @Override
    public CallKpis kpis(Instant from, Instant to, Duration answeredWithin) {
        List<Call> in = joinedIn(from, to);
        long answered = in.stream().filter(c -> c.outcome == Outcome.ANSWERED).count();
        long inTime = in.stream().filter(c -> c.outcome == Outcome.ANSWERED
                && c.waitSeconds <= answeredWithin.toSeconds()).count();
        long abandoned = in.stream().filter(c -> c.outcome == Outcome.ABANDONED).count();
        double wait = in.stream().filter(c -> c.waitSeconds != null).mapToLong(c -> c.waitSeconds).average()
                .orElse(0);
        return new CallKpis(in.size(), answered, inTime, abandoned, wait);
    }

    @Override
    public CallTimes times(Instant from, Instant to) {
        List<Call> answered = joinedIn(from, to).stream().filter(c -> c.outcome == Outcome.ANSWERED).toList();
        return new CallTimes(answered.stream().mapToLong(c -> c.waitSeconds).average().orElse(0),
                answered.stream().filter(c -> c.talkSeconds != null).mapToLong(c -> c.talkSeconds).average()
                        .orElse(0));
    }
}
