package org.hotline81890.gateway.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case: what app_queue tells of an agent's calls. Answered (AgentConnect): the desk shows 通话中. Ended
 * (AgentComplete): the agent is paused with reason 话后整理 and must pick a wrap-up code before going ready again.
 * Rang and not answered (AgentRingNoAnswer): the agent is paused (未接来电), as Asterisk's autopause does, so the
 * queue stops offering calls to an empty seat.
 */
public final class AgentCalls {
    public static final String WRAP_UP = "话后整理";
    public static final String RING_NO_ANSWER = "未接来电";
    private final AgentSeat seat;
    private final QueueMembership queue;
    private final WrapUps wrapUps;
    private final AgentCallLog log;
    private final DeskStates desks;
    private final Duration wrapUpTime;
    private final Clock clock;

    public AgentCalls(AgentSeat seat, QueueMembership queue, WrapUps wrapUps, AgentCallLog log, DeskStates desks,
                      Duration wrapUpTime, Clock clock) {
        this.seat = seat;
        this.queue = queue;
        this.wrapUps = wrapUps;
        this.log = log;
        this.desks = desks;
        this.wrapUpTime = wrapUpTime;
        this.clock = clock;
    }

    /** {@code callerChannel} and {@code agentChannel} are the two legs app_queue bridged. */
    public void connected(String iface, String uniqueId, String callerChannel, String agentChannel) {
        Optional<String> ext = seat.extensionOf(iface);
        if (ext.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        log.connected(new AgentCallLog.LiveCall(uniqueId, ext.get(), callerChannel, agentChannel, now));
        desks.changed(ext.get(), new DeskStates.Shown(AgentState.ON_CALL, "", now, Optional.empty()));
    }

    public void completed(String iface, String uniqueId) {
        Optional<String> ext = seat.extensionOf(iface);
        if (ext.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        log.ended(uniqueId, ext.get(), now);
        wrapUps.begin(ext.get(), uniqueId, now);
        queue.pause(iface, true, WRAP_UP);
        desks.changed(ext.get(), new DeskStates.Shown(AgentState.WRAP_UP, WRAP_UP, now,
                wrapUpTime.isZero() ? Optional.empty() : Optional.of(now.plus(wrapUpTime))));
    }

    public void rangUnanswered(String iface) {
        Optional<String> ext = seat.extensionOf(iface);
        if (ext.isEmpty()) {
            return;
        }
        queue.pause(iface, true, RING_NO_ANSWER);
        desks.changed(ext.get(), new DeskStates.Shown(AgentState.PAUSED, RING_NO_ANSWER, clock.instant(),
                Optional.empty()));
    }
}
