package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HealthCheckTest {
    @Test
    void aReachableDatabaseOutOfRoomShouldReadFullWithItsReasonAndTakeTheNodeOutOfReadiness() {
        List<HealthCheck> checks = List.of(new HealthCheck("database", () -> true, true,
                        () -> Optional.of(new HealthCheck.Condition("FULL", "refused a write 2 s ago: error 1114"))),
                HealthCheck.informative("ami", () -> false));
        Map<String, String> states = HealthCheck.run(checks);
        assertThat(states).containsExactly(Map.entry("database", "FULL"), Map.entry("ami", "DOWN"));
        assertThat(HealthCheck.reasons(checks)).containsExactly(Map.entry("database",
                "refused a write 2 s ago: error 1114"));
        assertThat(HealthCheck.ready(checks, states)).isFalse();
    }

    @Test
    void anUnreachableDatabaseShouldReadDownWhateverItsCondition() {
        List<HealthCheck> checks = List.of(new HealthCheck("database", () -> false, true,
                () -> Optional.of(new HealthCheck.Condition("FULL", "x"))), new HealthCheck("smpp", () -> true));
        assertThat(HealthCheck.run(checks)).containsExactly(Map.entry("database", "DOWN"), Map.entry("smpp", "UP"));
        assertThat(HealthCheck.ready(List.of(checks.get(1)), HealthCheck.run(checks))).isTrue();
    }
}
