package org.hotline81890.simulators;

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
 * up) and the other side's Hangup. Events, fields and order as {@code ami-queue-call.txt} shows them.
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
        int n = SEQUENCE.incrementAndGet();
        String uniqueId = System.currentTimeMillis() / 1000 + "." + (9000 + n);
        String channel = String.format("PJSIP/trunk-%08x", n);
        AgiCallResult intake = new AgiCallSimulator().run(agiHost, agiPort, AgiCallSpec.builder()
                .authority(agiHost + ":" + agiPort).script("intake").uniqueId(uniqueId).channel(channel)
                .callerIdNum(caller).build(), CallerScript.silent());
        ChannelSnapshot from = ChannelSnapshot.fresh(channel, 6, "hotline-in", "81890", uniqueId, uniqueId)
                .withCallerId(caller, caller);
        ChannelSnapshot to = ChannelSnapshot.fresh(String.format("PJSIP/%s-%08x", extension, n), 5, "hotline-agents",
                extension, uniqueId.replace(".", "") + "1", uniqueId);
        ami.publish(QueueEvents.callerJoin(from, queue, 1, 1));
        ami.publish(QueueEvents.agentCalled(from, to, queue, "PJSIP/" + extension, extension));
        return new Rang(uniqueId, intake.failure(), from, to, extension);
    }
}
