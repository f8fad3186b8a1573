package org.hotline81890.simulators.ami;

import java.net.Socket;
import java.util.List;
import java.util.function.UnaryOperator;

import org.hotline81890.simulators.support.ReplayingPeer;
import org.hotline81890.simulators.support.Transcripts;
import org.hotline81890.simulators.transcript.Transcript;
import org.junit.jupiter.api.Test;

/**
 * AMI transcripts replayed against {@link AmiServerSimulator}: the test is the AMI client, sends the captured
 * actions and requires every byte Asterisk answered. Clock, session id and uptime come from a
 * {@link FixedEnvironment} set to the capture's values. Normalised: only the TCP ports in SuccessfulAuth's
 * {@code LocalAddress}/{@code RemoteAddress} (the test cannot own ports 5038 and 55290).
 */
class AmiTranscriptReplayTest {

    @Test
    void loginSessionsShouldBeReproducedByteForByte() throws Exception {
        List<Transcript> sessions = Transcripts.sessions("ami-login.txt");
        FixedEnvironment env = new FixedEnvironment(1795419323L,
                List.of("1795419323.277024", "1795419323.277217"), "2026-11-23T07:35:23.278+0000",
                "0x7fbdb0001ee0", 26);
        try (AmiServerSimulator sim = new AmiServerSimulator(
                AmiServerConfig.defaults().withEnvironment(env, 1, 0)).start()) {
            for (Transcript t : sessions) {
                replay(sim, t);
            }
        }
    }

    @Test
    void errorSessionShouldBeReproducedByteForByte() throws Exception {
        Transcript t = Transcripts.sessions("ami-errors.txt").getFirst();
        AmiServerConfig config = AmiServerConfig.defaults()
                .withOriginateOutcome(ch -> ch.contains("nosuch") ? new OriginateOutcome.Failed()
                        : OriginateOutcome.answered());
        try (AmiServerSimulator sim = new AmiServerSimulator(config).start()) {
            replay(sim, t);
        }
    }

    @Test
    void queueStatusSessionShouldBeReproducedByteForByte() throws Exception {
        Transcript t = Transcripts.sessions("ami-queuestatus.txt").getFirst();
        FixedEnvironment env = new FixedEnvironment(1795419336L, List.of(), "", "", 0);
        QueueState hotline = new QueueState("hotline", "ringall").counters(0, 5, 1, 0)
                .member(new QueueMemberState("Agent One", "Local/agent1@queue-agents/n", "static", 0, 1,
                        1795419335L, 0, 1795419297L, 0, 1, false, ""));
        AmiServerConfig config = AmiServerConfig.defaults().withQueues(List.of(hotline))
                .withEnvironment(env, 30, 0x0f);
        try (AmiServerSimulator sim = new AmiServerSimulator(config).start();
             Socket s = new Socket("127.0.0.1", sim.port())) {
            // the capture's caller had waited 2 s when qs-2 was asked
            ReplayingPeer.replay(s, t, UnaryOperator.identity(), line -> {
                if (line.equals("ActionID: qs-2\\r\\n")) {
                    env.epoch.addAndGet(2);
                }
            });
        }
    }

    static void replay(AmiServerSimulator sim, Transcript t) throws Exception {
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            UnaryOperator<String> ports = line -> line
                    .replace("IPV4/TCP/127.0.0.1/5038", "IPV4/TCP/127.0.0.1/" + sim.port())
                    .replaceAll("RemoteAddress: IPV4/TCP/127.0.0.1/[0-9]+",
                            "RemoteAddress: IPV4/TCP/127.0.0.1/" + s.getLocalPort());
            ReplayingPeer.replay(s, t, ports);
        }
    }
}
