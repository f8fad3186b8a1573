package org.hotline81890.simulators.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline81890.simulators.RingAgent;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;
import org.hotline81890.simulators.support.AmiWire;
import org.hotline81890.simulators.support.Transcripts;
import org.hotline81890.simulators.transcript.Direction;
import org.junit.jupiter.api.Test;

/**
 * A rung agent answers and hangs up: the queue events come in the order the captured queue call shows them, each
 * with the call's uniqueid, the member's interface, and who hung up.
 */
class RingAgentTest {
    private static final Set<String> QUEUE_EVENTS = Set.of("QueueCallerJoin", "AgentCalled", "QueueCallerLeave",
            "AgentConnect", "AgentComplete");

    @Test
    void anAnsweredCallShouldEmitTheQueueEventsInTheCapturedOrder() throws Exception {
        List<String> events = drive(true);
        List<String> names = names(events);
        assertThat(names).containsExactly("QueueCallerJoin", "AgentCalled", "QueueCallerLeave", "AgentConnect",
                "Hangup", "AgentComplete", "Hangup");
        List<String> captured = names(AmiWire.split(new String(Transcripts.sessions("ami-queue-call.txt").getFirst()
                .bytesFrom(Direction.FROM_ASTERISK), StandardCharsets.UTF_8))).stream()
                .filter(n -> QUEUE_EVENTS.contains(n)).toList();
        assertThat(names.stream().filter(QUEUE_EVENTS::contains).toList()).isEqualTo(captured);
        String complete = events.get(5);
        assertThat(complete).contains("Interface: PJSIP/1001\r\n", "MemberName: 1001\r\n", "Reason: agent\r\n",
                "DestChannel: PJSIP/1001-");
        assertThat(events.get(4)).contains("Channel: PJSIP/1001-", "Cause: 16\r\n");
        String uniqueId = events.get(1).replaceAll("(?s).*\r\nUniqueid: ([^\r]*)\r\n.*", "$1");
        assertThat(List.of(0, 1, 2, 3, 5)).allSatisfy(i -> assertThat(events.get(i))
                .contains("\r\nUniqueid: " + uniqueId + "\r\n"));
        assertThat(events).allSatisfy(e -> assertThat(e).contains("Linkedid: " + uniqueId + "\r\n"));
    }

    @Test
    void theCallerHangingUpShouldSayCallerAndEndTheCallOnce() throws Exception {
        List<String> events = drive(false);
        assertThat(names(events)).containsExactly("QueueCallerJoin", "AgentCalled", "QueueCallerLeave",
                "AgentConnect", "Hangup", "AgentComplete", "Hangup");
        assertThat(events.get(4)).contains("Channel: PJSIP/trunk-");
        assertThat(events.get(5)).contains("Reason: caller\r\n");
    }

    private static List<String> drive(boolean agentHangsUp) throws Exception {
        try (AmiServerSimulator ami = new AmiServerSimulator(AmiServerConfig.defaults()).start();
             ServerSocket agi = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket s = new Socket("127.0.0.1", ami.port())) {
            Thread.ofVirtual().start(() -> answerOneAgiCall(agi));
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            in.readNBytes("Asterisk Call Manager/11.0.0\r\n".length());
            out.write("Action: Login\r\nUsername: hotline\r\nSecret: hotline-secret\r\nEvents: on\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            while (!AmiWire.readMessage(in).startsWith("Response:")) {
                // FullyBooted may come first
            }
            RingAgent.Rang rang = new RingAgent(ami, "hotline").ring("127.0.0.1", agi.getLocalPort(), "1001",
                    "13800001111");
            assertThat(rang.hangUp(true)).as("no hang-up before the answer").isFalse();
            assertThat(rang.answer()).isTrue();
            assertThat(rang.answer()).as("answered once").isFalse();
            assertThat(rang.hangUp(agentHangsUp)).isTrue();
            assertThat(rang.hangUp(!agentHangsUp)).as("ended once").isFalse();
            List<String> events = new ArrayList<>();
            while (events.size() < 7) {
                String m = AmiWire.readMessage(in);
                if (!m.startsWith("Event: SuccessfulAuth") && !m.startsWith("Event: FullyBooted")) {
                    events.add(m);
                }
            }
            return events;
        }
    }

    private static List<String> names(List<String> messages) {
        return messages.stream().filter(m -> m.startsWith("Event: "))
                .map(m -> m.substring(7, m.indexOf('\r'))).collect(Collectors.toList());
    }

    /** A FastAGI script that returns at once: reads the environment block, closes. */
    private static void answerOneAgiCall(ServerSocket agi) {
        try (Socket c = agi.accept()) {
            InputStream in = c.getInputStream();
            int prev = -1;
            int b;
            while ((b = in.read()) != -1 && !(b == '\n' && prev == '\n')) {
                prev = b;
            }
        } catch (java.io.IOException e) {
            // the test's assertions show what went wrong
        }
    }
}
