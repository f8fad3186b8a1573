package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When "offered within 5 minutes" starts counting, by channel (ADR 0053). */
class PromiseClockTest {
    private static final Instant CREATED = Instant.parse("2026-12-06T02:00:00Z");

    private static Optional<Instant> after(int minutes) {
        return Optional.of(CREATED.plus(Duration.ofMinutes(minutes)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // a call without a menu choice: the agent's placement after 6 minutes of queue and talk
                Arguments.of("call told to the agent", Channel.PHONE, after(6), after(6)),
                // a call that chose its service in the menu: the order was opened MATCHED then
                Arguments.of("call with a menu choice", Channel.PHONE, after(0), after(0)),
                Arguments.of("call never placed", Channel.PHONE, Optional.empty(), after(0)),
                Arguments.of("placement stamped before the order", Channel.PHONE, after(-1), after(0)),
                // a text waits for an agent to place it on the hotline's clock: the resident told it all at arrival
                Arguments.of("text an agent placed", Channel.SMS, after(10), after(0)),
                Arguments.of("text the directory matched", Channel.SMS, after(0), after(0)),
                Arguments.of("web form an agent placed", Channel.WEB, after(10), after(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thePromiseStartsOnceTheNeedIsTold(String what, Channel channel, Optional<Instant> placed,
                                           Optional<Instant> expected) {
        assertThat(PromiseClock.startsAt(channel, CREATED, placed)).isEqualTo(expected.orElseThrow());
    }
}
