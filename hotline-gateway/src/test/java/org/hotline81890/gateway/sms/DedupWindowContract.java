package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every {@link DedupWindow} must do with the rule {@link RepeatAfterWindow} of {@link #WINDOW}; run on the
 * in-memory fake and on MariaDB. Keys are random, so tests sharing one database do not meet.
 */
public interface DedupWindowContract {
    Duration WINDOW = Duration.ofHours(24);
    Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    /** The window as it answers at {@code now}. */
    DedupWindow at(Instant now);

    /** Stores what the SMS intake stores for a text that arrives at {@code at} under {@code key}. */
    void storedAt(Instant at, String key);

    private static String hashKey() {
        return DedupWindow.HASH_PREFIX + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    default void aKeyWithNothingStoredKeepsItsKey() {
        String key = hashKey();
        assertThat(at(T0).current(key)).isEqualTo(key);
        assertThat(at(T0.plus(Duration.ofDays(5))).current(key)).isEqualTo(key);
    }

    @Test
    default void aRedeliveryWithinTheWindowKeepsTheKeyAndARepeatAfterItStartsTheNextEpisode() {
        String key = hashKey();
        storedAt(T0, key);
        assertThat(at(T0.plus(Duration.ofMinutes(10))).current(key)).isEqualTo(key);
        assertThat(at(T0.plus(Duration.ofHours(23))).current(key)).isEqualTo(key);

        Instant later = T0.plus(Duration.ofHours(25));
        assertThat(at(later).current(key)).isEqualTo(key + "#1");
        storedAt(later, key);
        assertThat(at(later.plus(Duration.ofMinutes(5))).current(key)).as("the repeat redelivered")
                .isEqualTo(key + "#1");
        assertThat(at(later.plus(Duration.ofDays(3))).current(key)).isEqualTo(key + "#2");
    }

    @Test
    default void everyKeyAskedForIsAnsweredAndKeysThatAreNotHashesAreNeverWindowed() {
        String old = hashKey();
        String fresh = hashKey();
        String smscId = "smsc:smsc:" + UUID.randomUUID();
        storedAt(T0, old);
        storedAt(T0, smscId);

        Map<String, String> now = at(T0.plus(Duration.ofDays(9))).current(List.of(old, fresh, smscId));
        assertThat(now).containsOnlyKeys(old, fresh, smscId);
        assertThat(now.get(old)).isEqualTo(old + "#1");
        assertThat(now.get(fresh)).isEqualTo(fresh);
        assertThat(now.get(smscId)).isEqualTo(smscId);
    }
}
