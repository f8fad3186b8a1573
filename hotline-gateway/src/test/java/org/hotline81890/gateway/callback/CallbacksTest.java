package org.hotline81890.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CallbacksTest {
    private final InMemoryCallbackRequests store = new InMemoryCallbackRequests();
    private final Callbacks callbacks = new Callbacks(store,
            Clock.fixed(Instant.parse("2026-12-04T23:30:00Z"), ZoneOffset.UTC));

    @Test
    void requestShouldNormaliseTheNumberAndStampTheTime() {
        CallbackRequest r = callbacks.request("phone:1.1", "138-0000-1111", CallbackReason.AFTER_HOURS);

        assertThat(r.number()).isEqualTo("13800001111");
        assertThat(r.requestedAt()).isEqualTo(Instant.parse("2026-12-04T23:30:00Z"));
        assertThat(callbacks.open(10)).containsExactly(r);
    }

    @Test
    void aRequestWithoutAKeyShouldBeRefused() {
        assertThatThrownBy(() -> callbacks.request(" ", "13800001111", CallbackReason.QUEUE_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeShouldTakeTheItemOffTheListOnce() {
        CallbackRequest r = callbacks.request("phone:1.2", "13800001111", CallbackReason.QUEUE_TIMEOUT);

        assertThat(callbacks.close(r.id(), "1001")).isTrue();
        assertThat(callbacks.close(r.id(), "1001")).isFalse();
        assertThat(callbacks.open(0)).isEmpty();
    }
}
