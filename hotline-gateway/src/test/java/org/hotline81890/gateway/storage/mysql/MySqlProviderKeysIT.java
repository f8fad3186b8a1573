package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import org.hotline81890.gateway.dispatch.ProviderKeys;
import org.hotline81890.gateway.dispatch.ProviderKeysContract;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.ProviderId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySqlProviderKeys held to the ProviderKeys contract on real MariaDB, plus its node-local memory. */
class MySqlProviderKeysIT implements ProviderKeysContract {
    private static TestDatabase db;

    private final ManualClock contractClock = new ManualClock(T0);
    private final MySqlProviderKeys contractKeys = new MySqlProviderKeys(db.database().transactions(), Duration.ZERO,
            contractClock);

    @Override
    public ProviderKeys keys() {
        return contractKeys;
    }

    @Override
    public ManualClock clock() {
        return contractClock;
    }

    @Override
    public void suspend(ProviderId provider) {
        db.database().transactions().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO provider (id, kind, name, services,"
                    + " coverage, hours, capacity, status, rating)"
                    + " VALUES (?, 'PARTNER_COMPANY', '停用单位', '', '', '', 1, 'SUSPENDED', 0)"
                    + " ON DUPLICATE KEY UPDATE status = 'SUSPENDED'")) {
                ps.setString(1, provider.value());
                return ps.executeUpdate();
            }
        });
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
        ManualClock clock = new ManualClock(T0);
        MySqlProviderKeys keys = new MySqlProviderKeys(db.database().transactions(), Duration.ofSeconds(5), clock);
        String hash = UUID.randomUUID().toString();
        ProviderId p = ProviderId.of("P-KEY1");
        keys.add(p, hash, T0);
        assertThat(keys.providerOf(hash)).contains(p);
        assertThat(delete(hash)).isEqualTo(1);
        clock.set(T0.plusSeconds(4));
        assertThat(keys.providerOf(hash)).as("within the ttl: remembered").contains(p);
        clock.set(T0.plusSeconds(6));
        assertThat(keys.providerOf(hash)).as("after the ttl: read again, gone").isEmpty();
    }

    @Test
    void aKeyNotFoundIsNotRememberedAndNoTtlMeansNoMemory() {
        ManualClock clock = new ManualClock(T0);
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
