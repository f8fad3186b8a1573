package org.hotline81890.gateway.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbLanesTest {
    @ParameterizedTest(name = "pool {0} -> {1} intake lanes")
    @CsvSource({"1, 1", "2, 1", "3, 2", "4, 2", "8, 4", "10, 6", "20, 16", "200, 196"})
    void intakeLeavesConnectionsForTheRestOfTheGateway(int poolSize, int lanes) {
        assertThat(VoiceModule.dbLanes(poolSize)).isEqualTo(lanes);
    }
}
