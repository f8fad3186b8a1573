package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.gateway.dispatch.ProviderKeys;

/**
 * Partner-API keys by their SHA-256 hash (hex); the keys themselves are never stored. A key found is remembered for
 * {@code ttl} (every partner-API call looked its key up: a read and its commit per call); a key not found is not
 * remembered, so a key added on another node works at once, and a key deleted from the table stops working within
 * {@code ttl}.
 */
public final class MySqlProviderKeys implements ProviderKeys {
    private record Known(ProviderId provider, Instant until) {
    }

    private final Transactions tx;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public MySqlProviderKeys(Transactions tx) {
        this(tx, Duration.ZERO, Clock.systemUTC());
    }

    public MySqlProviderKeys(Transactions tx, Duration ttl, Clock clock) {
        this.tx = tx;
        this.ttl = ttl;
        this.clock = clock;
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
        Instant now = clock.instant();
        Known k = known.get(keyHash);
        if (k != null && now.isBefore(k.until())) {
            return Optional.of(k.provider());
        }
        Optional<ProviderId> found = lookUp(keyHash);
        if (found.isPresent() && ttl.isPositive()) {
            known.put(keyHash, new Known(found.get(), now.plus(ttl)));
        } else {
            known.remove(keyHash);
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
