package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hotline81890.gateway.dispatch.ProviderKeys;
import org.hotline81890.partners.ProviderId;

/**
 * Partner-API keys by their SHA-256 hash (hex); the keys themselves are never stored. A key found is remembered for
 * {@code ttl} in a bounded Caffeine cache (every partner-API call looks its key up); a key not found is not
 * remembered, so a key added on another node works at once, and a key deleted from the table stops working within
 * {@code ttl}.
 */
public final class MySqlProviderKeys implements ProviderKeys {
    /** Far more keys than providers; a flood of made-up keys is never cached (only keys found are). */
    private static final int MAX_KEYS = 10_000;

    private final Transactions tx;
    private final Duration ttl;
    private final Cache<String, ProviderId> known;

    public MySqlProviderKeys(Transactions tx) {
        this(tx, Duration.ZERO, Clock.systemUTC());
    }

    public MySqlProviderKeys(Transactions tx, Duration ttl, Clock clock) {
        this.tx = tx;
        this.ttl = ttl;
        this.known = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** Registers a key hash for the provider (keeps any earlier keys, so keys can be rotated). */
    @Override
    public void add(ProviderId provider, String keyHash, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO provider_api_key (key_hash, provider_id, "
                    + "created_at) VALUES (?,?,?) ON DUPLICATE KEY UPDATE provider_id=VALUES(provider_id)")) {
                ps.setString(1, keyHash);
                ps.setString(2, provider.value());
                Sql.setInstant(ps, 3, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ProviderId> providerOf(String keyHash) {
        ProviderId k = known.getIfPresent(keyHash);
        if (k != null) {
            return Optional.of(k);
        }
        Optional<ProviderId> found = lookUp(keyHash);
        if (found.isPresent() && ttl.isPositive()) {
            known.put(keyHash, found.get());
        }
        return found;
    }

    private Optional<ProviderId> lookUp(String keyHash) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT provider_id FROM provider_api_key WHERE key_hash=?")) {
                ps.setString(1, keyHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ProviderId.of(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
