package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;

/** Partner-API keys by their SHA-256 hash (hex); the keys themselves are never stored. */
public final class MySqlProviderKeys {
    private final Transactions tx;

    public MySqlProviderKeys(Transactions tx) {
        this.tx = tx;
    }

    /** Registers a key hash for the provider (keeps any earlier keys, so keys can be rotated). */
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

    public Optional<ProviderId> providerOf(String keyHash) {
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
