package org.hotline81890.simulators;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.ami.AmiServerSimulator;
import org.hotline81890.simulators.ami.ChannelSnapshot;
import org.hotline81890.simulators.ami.QueueEvents;

/**
 * {@code --ring-agent EXT --caller NUMBER}: one resident's call as Asterisk makes it. The FastAGI intake runs for
 * NUMBER against the gateway (which opens the work order on the call's uniqueid), then the call joins the queue and
 * rings agent EXT: QueueCallerJoin and AgentCalled on every AMI connection, with that same uniqueid, as
 * {@code ami-queue-call.txt} shows them. The demo also lets a simulated agent answer ({@link #answer}): AgentConnect,
 * then AgentComplete after the talk.
 */
public final class RingAgent {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final AmiServerSimulator ami;
    private final String queue;

    public RingAgent(AmiServerSimulator ami, String queue) {
        this.ami = ami;
        this.queue = queue;
    }

    /** What happened: the call's uniqueid, and the intake's failure if it had one. */
    public record Rang(String uniqueId, Optional<String> intakeFailure) {
    }

    /** A call that went through the intake and waits in the queue; {@code ticket} as the intake set it. */
    public record Queued(String uniqueId, ChannelSnapshot caller, Optional<String> ticket,
                         Optional<String> intakeFailure) {
    }

    public Rang ring(String agiHost, int agiPort, String extension, String caller) {
        Queued call = queue(agiHost, agiPort, caller, CallerScript.silent());
        ring(call, extension);
        return new Rang(call.uniqueId(), call.intakeFailure());
    }

    /** The intake (the caller keys what {@code script} says), then QueueCallerJoin; the caller waits in the queue. */
    public Queued queue(String agiHost, int agiPort, String caller, CallerScript script) {
        int n = SEQUENCE.incrementAndGet();
        String uniqueId = System.currentTimeMillis() / 1000 + "." + (9000 + n);
        String channel = String.format("PJSIP/trunk-%08x", n);
        AgiCallResult intake = new AgiCallSimulator().run(agiHost, agiPort, AgiCallSpec.builder()
                .authority(agiHost + ":" + agiPort).script("intake").uniqueId(uniqueId).channel(channel)
                .callerIdNum(caller).build(), script);
        ChannelSnapshot from = ChannelSnapshot.fresh(channel, 6, "hotline-in", "81890", uniqueId, uniqueId)
                .withCallerId(caller, caller);
        ami.queue(queue).ifPresent(q -> q.join(from, System.currentTimeMillis() / 1000));
        ami.publish(QueueEvents.callerJoin(from, queue, 1, 1));
        return new Queued(uniqueId, from, intake.variable("HOTLINE_TICKET"),
                intake.failure());
    }

    /** The queue rings agent {@code extension} (AgentCalled); the agent's desk pops. */
    public void ring(Queued call, String extension) {
        ami.publish(QueueEvents.agentCalled(call.caller(), agentLeg(call, extension), queue, "PJSIP/" + extension,
                extension));
    }

    /** Agent {@code extension} answers after the caller held {@code hold} (AgentConnect). */
    public void answer(Queued call, String extension, Duration hold) {
        ami.queue(queue).ifPresent(q -> q.leave(call.caller().channel(), false));
        ami.publish(QueueEvents.agentConnect(call.caller(), agentLeg(call, extension), queue, "PJSIP/" + extension,
                extension, hold.toSeconds(), 2));
    }

    /** The caller hangs up after {@code talk} with agent {@code extension} (AgentComplete). */
    public void complete(Queued call, String extension, Duration hold, Duration talk) {
        ami.publish(QueueEvents.agentComplete(call.caller(), agentLeg(call, extension), queue, "PJSIP/" + extension,
                extension, hold.toSeconds(), talk.toSeconds(), "caller"));
    }

    /** The caller gives up waiting. */
    public void abandon(Queued call, Duration held) {
        ami.queue(queue).ifPresent(q -> q.leave(call.caller().channel(), true));
        ami.publish(QueueEvents.callerAbandon(call.caller(), queue, 1, 1, held.toSeconds()));
    }

    private static ChannelSnapshot agentLeg(Queued call, String extension) {
        return ChannelSnapshot.fresh(String.format("PJSIP/%s-%s", extension, call.caller().channel().substring(12)),
                5, "hotline-agents", extension, call.uniqueId().replace(".", "") + "1", call.uniqueId());
    }
}
