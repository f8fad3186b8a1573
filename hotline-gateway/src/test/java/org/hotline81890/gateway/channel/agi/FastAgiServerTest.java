package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.asteriskjava.fastagi.AgiScript;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.junit.jupiter.api.Test;

/** The FastAGI listener on its own: allowed hosts, and many calls at once with no pool limit. */
class FastAgiServerTest {
    private final AtomicInteger ran = new AtomicInteger();
    private final AgiScript answer = (request, channel) -> {
        ran.incrementAndGet();
        channel.answer();
    };

    @Test
    void hostNotInAllowedHostsShouldBeClosedBeforeAnythingIsRead() {
        try (FastAgiServer server = new FastAgiServer("127.0.0.1", 0, AllowedHosts.resolve(List.of("192.0.2.7")),
                new ScriptMapping(Map.of("intake", answer))).start()) {
            AgiCallResult r = new AgiCallSimulator().run("127.0.0.1", server.port(),
                    AgiCallSpec.builder().build(), CallerScript.silent());

            assertThat(r.commands()).isEmpty();
            assertThat(ran).hasValue(0);
            assertThat(server.refusedConnections()).isEqualTo(1);
        }
    }

    @Test
    void moreCallsThanAsteriskJavasDefaultPoolShouldAllBeServed() {
        try (FastAgiServer server = new FastAgiServer("127.0.0.1", 0, AllowedHosts.resolve(List.of("127.0.0.1")),
                new ScriptMapping(Map.of("intake", answer))).start()) {
            List<AgiCallSpec> calls = java.util.stream.IntStream.range(0, 800).mapToObj(i -> AgiCallSpec.builder()
                    .uniqueId("1795419300." + i).answerDelay(java.time.Duration.ofMillis(300)).build()).toList();

            List<AgiCallResult> results = new AgiCallSimulator().runAll("127.0.0.1", server.port(), calls,
                    CallerScript.silent());

            assertThat(results).allSatisfy(r -> assertThat(r.commands()).containsExactly("ANSWER",
                    "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\""));
            assertThat(ran).hasValue(800);
            assertThat(server.refusedConnections()).isZero();
        }
    }

    @Test
    void stoppingShouldRefuseNewCallsAndLetTheCallInProgressFinish() throws Exception {
        java.util.concurrent.CountDownLatch inCall = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AgiScript slow = (request, channel) -> {
            channel.answer();
            inCall.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.setVariable("HOTLINE_STATUS", "OK");
        };
        FastAgiServer server = new FastAgiServer("127.0.0.1", 0, AllowedHosts.resolve(List.of("127.0.0.1")),
                new ScriptMapping(Map.of("intake", slow))).start();
        int port = server.port();
        var call = java.util.concurrent.CompletableFuture.supplyAsync(() -> new AgiCallSimulator().run("127.0.0.1",
                port, AgiCallSpec.builder().build(), CallerScript.silent()));
        assertThat(inCall.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Thread stopping = Thread.ofVirtual().start(() -> server.close(java.time.Duration.ofSeconds(10)));
        org.hotline81890.gateway.testing.Eventually.waitFor("listener closed", java.time.Duration.ofSeconds(5),
                () -> !server.isListening());
        AgiCallResult refused = new AgiCallSimulator().run("127.0.0.1", port, AgiCallSpec.builder().build(),
                CallerScript.silent());
        release.countDown();
        stopping.join();

        // refused, or (accepted in the instant of the close) closed unread: no script ran for it
        assertThat(refused.commands()).isEmpty();
        assertThat(refused.variable("HOTLINE_STATUS")).isEmpty();
        AgiCallResult drained = call.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(drained.failure()).isEmpty();
        assertThat(drained.variable("HOTLINE_STATUS")).contains("OK");
    }
}
