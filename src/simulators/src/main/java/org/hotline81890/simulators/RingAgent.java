package org.hotline81890.simulators;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * rings agent EXT: QueueCallerJoin and AgentCalled on every AMI connection, with that same uniqueid; when the agent
 * answers, QueueCallerLeave and AgentConnect; when either side hangs up, its Hangup, AgentComplete (with who hung
 * up) and the other side's Hangup. Events, fields and order as {@code ami-queue-call.txt} shows them. The demo drives
 * calls step by step on its simulated time ({@link #queue}, then {@link #ring(Queued, String)}, {@link #answer},
 * {@link #complete} or {@link #abandon}), with hold and talk times it chooses.
 */
public final class RingAgent {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int NORMAL_CLEARING = 16;
    private final AmiServerSimulator ami;
    private final String queue;

    public RingAgent(AmiServerSimulator ami, String queue) {
        this.ami = ami;
        this.queue = queue;
    }

    /** A call ringing (or answered by) the agent: the call's uniqueid, and the intake's failure if it had one. */
    public final class Rang {
        private final String uniqueId;
        private final Optional<String> intakeFailure;
        private final ChannelSnapshot caller;
        private final ChannelSnapshot agent;
        private final String extension;
        private final long joinedAt = System.currentTimeMillis();
        private final AtomicBoolean answered = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile long answeredAt;

        private Rang(String uniqueId, Optional<String> intakeFailure, ChannelSnapshot caller, ChannelSnapshot agent,
                     String extension) {
            this.uniqueId = uniqueId;
            this.intakeFailure = intakeFailure;
            this.caller = caller;
            this.agent = agent;
            this.extension = extension;
        }

        public String uniqueId() {
            return uniqueId;
        }

        public Optional<String> intakeFailure() {
            return intakeFailure;
        }

        /** The agent's channel, e.g. {@code PJSIP/1001-00000001}. */
        public String agentChannel() {
            return agent.channel();
        }

        /** The agent picked up: QueueCallerLeave, AgentConnect. Once; false if already answered or ended. */
        public boolean answer() {
            if (ended.get() || !answered.compareAndSet(false, true)) {
                return false;
            }
            answeredAt = System.currentTimeMillis();
            long seconds = (answeredAt - joinedAt) / 1000;
            ami.queue(queue).ifPresent(q -> q.leave(caller.channel(), false));
            ami.publish(QueueEvents.callerLeave(caller, queue, 1, 0));
            ami.publish(QueueEvents.agentConnect(caller, agent.withState(6), queue, iface(), extension, seconds,
                    seconds));
            return true;
        }

        /**
         * One side hung up an answered call: its Hangup, AgentComplete with {@code Reason: agent} or
         * {@code caller}, then the other side's Hangup. Once; false if not answered or already ended.
         */
        public boolean hangUp(boolean byAgent) {
            if (!answered.get() || !ended.compareAndSet(false, true)) {
                return false;
            }
            long hold = (answeredAt - joinedAt) / 1000;
            long talk = (System.currentTimeMillis() - answeredAt) / 1000;
            ChannelSnapshot agentUp = agent.withState(6);
            ami.publish(QueueEvents.hangup(byAgent ? agentUp : caller, NORMAL_CLEARING));
            ami.publish(QueueEvents.agentComplete(caller, agentUp, queue, iface(), extension, hold, talk,
                    byAgent ? "agent" : "caller"));
            ami.publish(QueueEvents.hangup(byAgent ? caller : agentUp, NORMAL_CLEARING));
            return true;
        }

        private String iface() {
            return "PJSIP/" + extension;
        }
    }

    public Rang ring(String agiHost, int agiPort, String extension, String caller) {
        Queued call = queue(agiHost, agiPort, caller, CallerScript.silent());
        ChannelSnapshot to = ring(call, extension);
        return new Rang(call.uniqueId(), call.intakeFailure(), call.caller(), to, extension);
    }

    /** A call that went through the intake and waits in the queue; {@code ticket} as the intake set it. */
    public record Queued(String uniqueId, ChannelSnapshot caller, Optional<String> ticket,
                         Optional<String> intakeFailure) {
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
        return new Queued(uniqueId, from, intake.variable("HOTLINE_TICKET"), intake.failure());
    }

    /** The queue rings agent {@code extension} (AgentCalled); the agent's desk pops. Returns the agent's leg. */
    public ChannelSnapshot ring(Queued call, String extension) {
        ChannelSnapshot to = agentLeg(call, extension);
        ami.publish(QueueEvents.agentCalled(call.caller(), to, queue, "PJSIP/" + extension, extension));
        return to;
    }

    /** Agent {@code extension} answers after the caller held {@code hold}: QueueCallerLeave, AgentConnect. */
    public void answer(Queued call, String extension, Duration hold) {
        ami.queue(queue).ifPresent(q -> q.leave(call.caller().channel(), false));
        ami.publish(QueueEvents.callerLeave(call.caller(), queue, 1, 0));
        ami.publish(QueueEvents.agentConnect(call.caller(), agentLeg(call, extension).withState(6), queue,
                "PJSIP/" + extension, extension, hold.toSeconds(), 2));
    }

    /** The caller hangs up after {@code talk}: Hangup, AgentComplete ({@code Reason: caller}), the agent's Hangup. */
    public void complete(Queued call, String extension, Duration hold, Duration talk) {
        ChannelSnapshot agent = agentLeg(call, extension).withState(6);
        ami.publish(QueueEvents.hangup(call.caller(), NORMAL_CLEARING));
        ami.publish(QueueEvents.agentComplete(call.caller(), agent, queue, "PJSIP/" + extension, extension,
                hold.toSeconds(), talk.toSeconds(), "caller"));
        ami.publish(QueueEvents.hangup(agent, NORMAL_CLEARING));
    }

    /** The caller gives up waiting after {@code held}: QueueCallerAbandon. */
    public void abandon(Queued call, Duration held) {
        ami.queue(queue).ifPresent(q -> q.leave(call.caller().channel(), true));
        ami.publish(QueueEvents.callerAbandon(call.caller(), queue, 1, 1, held.toSeconds()));
    }

    private static ChannelSnapshot agentLeg(Queued call, String extension) {
        return ChannelSnapshot.fresh(String.format("PJSIP/%s-%s", extension, call.caller().channel().substring(12)),
                5, "hotline-agents", extension, call.uniqueId().replace(".", "") + "1", call.uniqueId());
    }
}
