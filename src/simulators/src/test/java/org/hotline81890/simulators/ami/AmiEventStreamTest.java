package org.hotline81890.simulators.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline81890.simulators.support.AmiWire;
import org.hotline81890.simulators.support.Transcripts;
import org.hotline81890.simulators.transcript.Direction;
import org.hotline81890.simulators.transcript.Transcript;
import org.junit.jupiter.api.Test;

/**
 * Originate and queue event streams. The simulator does not run a dialplan, so it emits a subset of the
 * captured events: every message it sends must appear byte for byte, in the same order, in the transcript.
 * Queue events built with {@link QueueEvents} from the captured channel values must equal the captured ones.
 */
class AmiEventStreamTest {

    @Test
    void originateEventsShouldBeAnOrderedByteExactSubsetOfTheCapturedStream() throws Exception {
        Transcript t = Transcripts.sessions("ami-originate.txt").getFirst();
        FixedEnvironment env = new FixedEnvironment(1795419324L, List.of(), "2026-11-23T07:35:24.283+0000",
                "0x7fbdc4001150", 27);
        AmiServerConfig config = AmiServerConfig.defaults().withEnvironment(env, 20, 0x0a)
                .withOriginateOutcome(ch -> ch.contains("nosuch") ? new OriginateOutcome.Failed()
                        : new OriginateOutcome.Answered(2));
        List<String> sent;
        try (AmiServerSimulator sim = new AmiServerSimulator(config).start()) {
            sent = drive(sim, t, Map.of("orig-fail-1", 1795419326L, "orig-app-1", 1795419327L), env);
        }
        List<String> captured = AmiWire.split(new String(t.bytesFrom(Direction.FROM_ASTERISK),
                StandardCharsets.UTF_8)).stream().map(m -> m.replaceAll("/(5038|55304)\r\n", "/PORT\r\n")).toList();

        assertThat(sent).hasSizeGreaterThanOrEqualTo(40);
        assertThat(sent.stream().filter(m -> m.startsWith("Event: OriginateResponse")).toList())
                .hasSize(3).anySatisfy(m -> assertThat(m).contains("Response: Failure\r\n", "Reason: 0\r\n"));
        assertOrderedSubsequence(sent, captured);
    }

    @Test
    void queueEventsShouldEqualTheCapturedOnes() {
        ChannelSnapshot caller = new ChannelSnapshot("Local/inqueue@queue-test-0000000d;2", 6, "13800001111",
                "Zhang San", "13800001111", "Zhang San", "en", "", "queue-test", "inqueue", 3, "1795419330.27",
                "1795419330.26");
        ChannelSnapshot agent = new ChannelSnapshot("Local/agent1@queue-agents-0000000e;1", 0, "13800001111",
                "Zhang San", "13800001111", "Zhang San", "en", "", "queue-agents", "inqueue", 1, "1795419330.28",
                "1795419330.26");
        String iface = "Local/agent1@queue-agents/n";
        List<String> captured = capturedEvents("ami-queue-call.txt");

        assertThat(captured).contains(
                text(QueueEvents.callerJoin(caller, "hotline", 1, 1)),
                text(QueueEvents.agentCalled(caller, agent, "hotline", iface, "Agent One")),
                text(QueueEvents.callerLeave(caller, "hotline", 1, 0)),
                text(QueueEvents.agentConnect(caller, agent.withState(6), "hotline", iface, "Agent One", 0, 0)),
                text(QueueEvents.agentComplete(caller, agent.withState(6), "hotline", iface, "Agent One", 0, 5,
                        "agent")),
                text(QueueEvents.hangup(caller, 16)));

        ChannelSnapshot waiting = new ChannelSnapshot("Local/inqueue@queue-test-0000000f;2", 6, "13800001111",
                "Zhang San", "13800001111", "Zhang San", "en", "", "queue-test", "inqueue", 3, "1795419336.31",
                "1795419336.30");
        assertThat(capturedEvents("ami-queue-abandon.txt")).contains(
                text(QueueEvents.callerAbandon(waiting, "hotline", 1, 1, 2)),
                text(QueueEvents.callerLeave(waiting, "hotline", 1, 0)));
    }

    private static List<String> capturedEvents(String file) {
        return AmiWire.split(new String(Transcripts.sessions(file).getFirst().bytesFrom(Direction.FROM_ASTERISK),
                StandardCharsets.UTF_8));
    }

    private static String text(AmiMessage m) {
        return new String(m.render(), StandardCharsets.UTF_8);
    }

    /** Sends each captured action, waiting for its response; moves the clock before the actions named. */
    private static List<String> drive(AmiServerSimulator sim, Transcript t, Map<String, Long> clockAt,
            FixedEnvironment env) throws Exception {
        List<String> actions = AmiWire.split(new String(t.bytesFrom(Direction.TO_ASTERISK), StandardCharsets.UTF_8));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            all.writeBytes(in.readNBytes(AmiConnection.BANNER.length));
            for (String action : actions) {
                String id = action.replaceAll("(?s).*ActionID: ([^\r]*)\r\n.*", "$1");
                clockAt.entrySet().stream().filter(e -> e.getKey().equals(id))
                        .forEach(e -> env.epoch.set(e.getValue()));
                out.write(action.getBytes(StandardCharsets.UTF_8));
                out.flush();
                String m;
                do {
                    m = AmiWire.readMessage(in);
                    all.writeBytes(m.getBytes(StandardCharsets.UTF_8));
                } while (!m.isEmpty() && !(m.startsWith("Response:") && m.contains("ActionID: " + id + "\r\n")));
            }
            all.writeBytes(in.readAllBytes());
        }
        return AmiWire.split(all.toString(StandardCharsets.UTF_8)).stream()
                .map(m -> m.replaceAll("/[0-9]+\r\n", "/PORT\r\n")).toList();
    }

    private static void assertOrderedSubsequence(List<String> sent, List<String> captured) {
        int at = 0;
        List<String> missing = new ArrayList<>();
        for (String m : sent) {
            int found = captured.subList(at, captured.size()).indexOf(m);
            if (found < 0) {
                missing.add(m);
            } else {
                at += found + 1;
            }
        }
        assertThat(missing).as("simulator messages not found in order in the capture").isEmpty();
    }
}
