package org.hotline81890.simulators;

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
 * {@code ami-queue-call.txt} shows them.
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
        return new Rang(uniqueId, intake.failure());
    }
}
