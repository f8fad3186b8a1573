package org.hotline81890.gateway.channel.smpp.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InboundLimiterTest {
    private Instant now = Instant.parse("2026-05-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsTheLimitPerNumberWithinTheWindowThenAgainAfterIt() {
        InboundLimiter l = new InboundLimiter(2, Duration.ofMinutes(10), clock);
        assertThat(l.allow("a")).isTrue();
        assertThat(l.allow("a")).isTrue();
        assertThat(l.allow("a")).isFalse();
        assertThat(l.allow("b")).isTrue();
        now = now.plus(Duration.ofMinutes(10)).plusMillis(1);
        assertThat(l.allow("a")).isTrue();
    }

    @Test
    void zeroMeansNoLimit() {
        InboundLimiter l = new InboundLimiter(0, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(l.allow("a")).isTrue();
        }
    }
}
