package org.hotline81890.gateway.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case: what app_queue tells of an agent's calls. Answered (AgentConnect): the desk shows 通话中. Ended
 * (AgentComplete): the agent is paused with reason 话后整理 and must pick a wrap-up code before going ready again. An
 * agent who signed out during the call (app_queue keeps the call, drops the member) still gets the call's wrap-up on
 * the desk, shown as {@link #WRAP_UP_SIGNED_OUT}, and finishes it with a code without rejoining the queue.
 * Rang and not answered (AgentRingNoAnswer): the agent is paused (未接来电), as Asterisk's autopause does, so the
 * queue stops offering calls to an empty seat.
 */
public final class AgentCalls {
    public static final String WRAP_UP = "话后整理";
    public static final String WRAP_UP_SIGNED_OUT = "话后整理（已签出）";
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
        // One commit for both (they always follow each other): at the peak each waited for a connection of its own.
        log.together(() -> {
            log.ended(uniqueId, ext.get(), now);
            wrapUps.begin(ext.get(), uniqueId, now);
        });
        String reason = WRAP_UP;
        try {
            queue.pause(iface, true, WRAP_UP);
        } catch (QueueMembership.NotMember signedOut) {
            // Out of the queue already: nothing to pause, the wrap-up is still due (and a reload must say so).
            reason = WRAP_UP_SIGNED_OUT;
            wrapUps.open(ext.get()).ifPresent(w -> wrapUps.signedOut(w.id(), now));
        }
        desks.changed(ext.get(), new DeskStates.Shown(AgentState.WRAP_UP, reason, now,
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
