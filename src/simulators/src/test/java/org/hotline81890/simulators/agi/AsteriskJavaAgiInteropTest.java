package org.hotline81890.simulators.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Asterisk-Java's DefaultAgiServer running a small intake-like script, driven by {@link AgiCallSimulator}. */
class AsteriskJavaAgiInteropTest {

    private static final Queue<String> OUTCOMES = new ConcurrentLinkedQueue<>();
    private static DefaultAgiServer server;
    private static int port;

    /** Answers, reads the caller, sets the ticket, asks for a menu key, thanks the caller and hangs up. */
    static final class IntakeScript implements AgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            try {
                channel.answer();
                String caller = channel.getVariable("CALLERID(num)");
                channel.setVariable("HOTLINE_TICKET", "T" + request.getUniqueId());
                channel.setVariable("HOTLINE_QUEUE", request.getParameter("lang") == null ? "hotline" : "zh");
                String key = channel.getData("welcome", 3000, 1);
                channel.setVariable("HOTLINE_PRIORITY", "1".equals(key) ? "emergency" : "normal");
                channel.streamFile("thanks");
                channel.hangup();
                OUTCOMES.add("done " + caller + " " + key);
            } catch (AgiHangupException e) {
                OUTCOMES.add("hangup " + request.getUniqueId());
            }
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        // a HashMap: the readiness probe connects without an env block, and Map.of rejects the null script name
        mapping.setMappings(new HashMap<>(Map.of("intake", new IntakeScript())));
        server = new DefaultAgiServer(mapping);
        server.setPort(port);
        server.setAddress(InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "agi-server");
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening()) {
            assertThat(System.nanoTime()).as("AGI server up within 10 s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    private static boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void scriptShouldSeeCallerAndSetVariablesAndHangUp() {
        AgiCallSpec spec = AgiCallSpec.builder().script("intake").uniqueId("1795419400.7").build();

        AgiCallResult r = new AgiCallSimulator().run("127.0.0.1", port, spec, CallerScript.pressing("1"));

        assertThat(r.failure()).isEmpty();
        assertThat(r.variable("HOTLINE_TICKET")).contains("T1795419400.7");
        assertThat(r.variable("HOTLINE_QUEUE")).contains("hotline");
        assertThat(r.variable("HOTLINE_PRIORITY")).contains("emergency");
        assertThat(r.exchanges()).extracting(AgiExchange::verb).containsExactly("ANSWER", "GET VARIABLE",
                "SET VARIABLE", "SET VARIABLE", "GET DATA", "SET VARIABLE", "STREAM FILE", "HANGUP",
                "SET VARIABLE");
        // Asterisk-Java reports its script status after the script returns
        assertThat(r.variable("AJ_AGISTATUS")).contains("SUCCESS");
        assertThat(r.hangup()).isEqualTo(AgiCallResult.HangupSource.SCRIPT);
        assertThat(OUTCOMES).contains("done 13800001111 1");
    }

    @Test
    void callerHangingUpMidScriptShouldRaiseAgiHangupExceptionInTheScript() {
        AgiCallSpec spec = AgiCallSpec.builder().script("intake").uniqueId("1795419400.9").build();

        AgiCallResult r = new AgiCallSimulator().run("127.0.0.1", port, spec, CallerScript.of(CallerAction.hangUp()));

        assertThat(r.hangup()).isEqualTo(AgiCallResult.HangupSource.CALLER);
        assertThat(r.variable("HOTLINE_TICKET")).contains("T1795419400.9");
        // GET DATA answered 200 result=-1 and HANGUP; SET VARIABLE still works on a dead channel (as in Asterisk),
        // STREAM FILE gets 511, which Asterisk-Java turns into AgiHangupException.
        assertThat(r.exchanges().get(4).reply()).isEqualTo("200 result=-1");
        assertThat(r.exchanges().get(6).reply()).startsWith("511 ");
        assertThat(r.outOfBandHangups()).isEqualTo(2);
        assertThat(OUTCOMES).contains("hangup 1795419400.9");
    }

    @Test
    void manyConcurrentCallsShouldAllComplete() {
        List<AgiCallSpec> specs = IntStream.range(0, 200)
                .mapToObj(i -> AgiCallSpec.builder().script("intake").uniqueId("1795419500." + i).build()).toList();

        List<AgiCallResult> results = new AgiCallSimulator().runAll("127.0.0.1", port, specs,
                CallerScript.pressing("2"));

        assertThat(results).allSatisfy(r -> {
            assertThat(r.failure()).isEmpty();
            assertThat(r.variable("HOTLINE_PRIORITY")).contains("normal");
        });
    }
}
