package org.hotline81890.gateway.channel.smpp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheCapAndResets() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(3));
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void bindConfigNamesTheBadKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SmppBindConfig.of("a", "h", 2775, "id", "pw")
                .withRate(0, 10)).hasMessageContaining("smpp.submit-rate");
        assertThat(SmppBindConfig.BindKind.of("Receiver").transmits()).isFalse();
    }
}
