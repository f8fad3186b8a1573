package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.ProviderId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MySqlProviderKeysIT {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static TestDatabase db;

    /** A clock the test moves. */
    private static final class Manual extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static int delete(String hash) {
        return db.database().transactions().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM provider_api_key WHERE key_hash=?")) {
                ps.setString(1, hash);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void aKeyFoundIsRememberedForTheTtlAndReadAgainAfterIt() {
        Manual clock = new Manual();
        MySqlProviderKeys keys = new MySqlProviderKeys(db.database().transactions(), Duration.ofSeconds(5), clock);
        String hash = UUID.randomUUID().toString();
        ProviderId p = ProviderId.of("P-KEY1");
        keys.add(p, hash, T0);
        assertThat(keys.providerOf(hash)).contains(p);
        assertThat(delete(hash)).isEqualTo(1);
        clock.now = T0.plusSeconds(4);
        assertThat(keys.providerOf(hash)).as("within the ttl: remembered").contains(p);
        clock.now = T0.plusSeconds(6);
        assertThat(keys.providerOf(hash)).as("after the ttl: read again, gone").isEmpty();
    }

    @Test
    void aKeyNotFoundIsNotRememberedAndNoTtlMeansNoMemory() {
        Manual clock = new Manual();
        MySqlProviderKeys cached = new MySqlProviderKeys(db.database().transactions(), Duration.ofSeconds(5), clock);
        MySqlProviderKeys plain = new MySqlProviderKeys(db.database().transactions(), Duration.ZERO, clock);
        String hash = UUID.randomUUID().toString();
        assertThat(cached.providerOf(hash)).isEmpty();
        plain.add(ProviderId.of("P-KEY2"), hash, T0);
        assertThat(cached.providerOf(hash)).as("added meanwhile: found at once").contains(ProviderId.of("P-KEY2"));
        assertThat(plain.providerOf(hash)).contains(ProviderId.of("P-KEY2"));
        delete(hash);
        assertThat(plain.providerOf(hash)).as("without a ttl every call reads").isEmpty();
    }
}
