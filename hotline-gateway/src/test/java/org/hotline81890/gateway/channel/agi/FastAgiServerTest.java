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
}
