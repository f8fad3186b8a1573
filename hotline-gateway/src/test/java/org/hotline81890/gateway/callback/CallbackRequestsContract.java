package org.hotline81890.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link CallbackRequests} must do; run on the in-memory fake and on MariaDB. */
public interface CallbackRequestsContract {
    CallbackRequests requests();

    private static String key() {
        return "phone:" + UUID.randomUUID();
    }

    @Test
    default void addShouldReturnAnOpenRequestWithWhatWasGiven() {
        Instant at = Instant.parse("2026-12-04T22:15:00.123Z");
        String key = key();

        CallbackRequest r = requests().add(key, "13800001111", CallbackReason.AFTER_HOURS, at);

        assertThat(r.key()).isEqualTo(key);
        assertThat(r.number()).isEqualTo("13800001111");
        assertThat(r.reason()).isEqualTo(CallbackReason.AFTER_HOURS);
        assertThat(r.requestedAt()).isEqualTo(at);
        assertThat(r.isOpen()).isTrue();
        assertThat(requests().find(r.id())).contains(r);
    }

    @Test
    default void addingTheSameKeyAgainShouldReturnTheFirstRequestUnchanged() {
        String key = key();
        CallbackRequest first = requests().add(key, "13800002222", CallbackReason.AFTER_HOURS,
                Instant.parse("2026-12-04T22:00:00Z"));

        CallbackRequest again = requests().add(key, "13900009999", CallbackReason.QUEUE_TIMEOUT,
                Instant.parse("2026-12-04T23:00:00Z"));

        assertThat(again).isEqualTo(first);
    }

    @Test
    default void listOpenShouldGiveOpenRequestsOldestFirstAndCloseShouldTakeThemOff() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(3650, ChronoUnit.DAYS);
        CallbackRequest older = requests().add(key(), "13800003333", CallbackReason.QUEUE_TIMEOUT, base);
        CallbackRequest newer = requests().add(key(), "13800004444", CallbackReason.AFTER_HOURS,
                base.plusSeconds(1));

        assertThat(requests().listOpen(2)).containsExactly(older, newer);
        assertThat(requests().close(older.id(), "agent-1001", base.plusSeconds(60))).isTrue();
        assertThat(requests().close(older.id(), "agent-1002", base.plusSeconds(61))).isFalse();

        assertThat(requests().listOpen(1000)).doesNotContain(older).contains(newer);
        CallbackRequest closed = requests().find(older.id()).orElseThrow();
        assertThat(closed.closed()).contains(new CallbackRequest.Closed("agent-1001", base.plusSeconds(60)));
    }

    @Test
    default void closingAnUnknownRequestShouldSayNo() {
        assertThat(requests().close(Long.MAX_VALUE - 7, "agent-1", Instant.now())).isFalse();
        assertThat(requests().find(Long.MAX_VALUE - 7)).isEmpty();
    }
}
