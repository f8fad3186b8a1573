package org.hotline81890.gateway.voice;

import java.time.Duration;
import java.time.Instant;

/**
 * Driven port: one record per queued call (keyed by the caller channel's uniqueid), filled from app_queue's AMI
 * events. Feeds the agent view and the KPIs (wait time, answered within N s, abandoned). Every method tolerates
 * events for calls it has not seen join (the gateway may have connected mid-call) by ignoring them.
 */
public interface CallRecords {
    void joined(String uniqueId, String callerNumber, String queue, Instant at);

    /**
     * Runs {@code writes} (calls of this port's event methods) as one unit where the store can: one transaction, one
     * commit for a burst of events instead of one each. If it throws, none of them is written.
     */
    default void together(Runnable writes) {
        writes.run();
    }

    void agentCalled(String uniqueId, Instant at);

    void answered(String uniqueId, String agent, long holdSeconds, Instant at);

    void completed(String uniqueId, long talkSeconds, Instant at);

    void abandoned(String uniqueId, long holdSeconds, Instant at);

    /** The channel hung up: ends the record; a call still waiting counts as abandoned. */
    void hungUp(String uniqueId, Instant at);

    /** Calls that joined a queue in {@code [from, to)}. */
    CallKpis kpis(Instant from, Instant to, Duration answeredWithin);

    /** Calls that joined in {@code [from, to)}: average speed of answer and average talk time of the answered. */
    CallTimes times(Instant from, Instant to);

    /** Averages in seconds over the answered calls (0 when none). */
    record CallTimes(double averageSpeedOfAnswer, double averageTalk) {
    }

    /** What supervisors read: 接通率, 20-second service level, abandon rate. */
    record CallKpis(long offered, long answered, long answeredInTime, long abandoned, double averageWaitSeconds) {
    }
}
