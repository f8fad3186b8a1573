package org.hotline81890.gateway.storage.mysql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hotline81890.gateway.dispatch.ProviderKeys;
import org.hotline81890.partners.ProviderId;

/**
 * Partner-API keys by their SHA-256 hash (hex); the keys themselves are never stored. A live key found is remembered
 * for {@code ttl} in a bounded Caffeine cache (every partner-API call looks its key up); a key not found is not
 * remembered, so a key added on another node works at once. A key revoked, expired or whose provider is suspended
 * stops at once on the node that did it ({@link #forget}) and within {@code ttl} on the others.
 */
public final class MySqlProviderKeys implements ProviderKeys {
    /** Far more keys than providers; a flood of made-up keys is never cached (only keys found are). */
    private static final int MAX_KEYS = 10_000;
    private static final String LIVE = "k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at>?) "
            + "AND NOT EXISTS (SELECT 1 FROM provider p WHERE p.id=k.provider_id AND p.status='SUSPENDED')";

    private final Transactions tx;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<String, ProviderId> known;

    public MySqlProviderKeys(Transactions tx) {
        this(tx, Duration.ZERO, Clock.systemUTC());
    }

    /** Keys remembered for {@code ttl} of {@code clock}. */
    public MySqlProviderKeys(Transactions tx, Duration ttl, Clock clock) {
        this(tx, ttl, clock, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /**
     * Keys remembered for {@code ttl} of {@code nanoTicker}: wall time in the gateway, whatever clock dates the keys'
     * use, so a simulated clock at 60x does not look every key up sixty times as often (ADR 0037).
     */
    public MySqlProviderKeys(Transactions tx, Duration ttl, Clock clock, LongSupplier nanoTicker) {
        this.tx = tx;
        this.ttl = ttl;
        this.clock = clock;
        this.known = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(ttl)
                .ticker(nanoTicker::getAsLong).build();
    }

    /** Registers a key hash for the provider (keeps any earlier keys, so keys can be rotated). */
    @Override
    public void add(ProviderId provider, String keyHash, Instant at) {
        insert(provider, keyHash, Optional.empty(), at);
    }

    @Override
    public void add(ProviderId provider, String keyHash, String prefix, Instant at) {
        insert(provider, keyHash, Optional.of(prefix), at);
    }

    private void insert(ProviderId provider, String keyHash, Optional<String> prefix, Instant at) {
        tx.inTransaction(c -> Sql.update(c, "INSERT INTO provider_api_key (key_hash, provider_id, created_at, "
                + "key_prefix) VALUES (?,?,?,?) ON DUPLICATE KEY UPDATE provider_id=VALUES(provider_id), "
                + "revoked_at=NULL, expires_at=NULL", ps -> {
                    ps.setString(1, keyHash);
                    ps.setString(2, provider.value());
                    Sql.setInstant(ps, 3, at);
                    Sql.setText(ps, 4, prefix);
                }));
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
        return tx.read(c -> Sql.first(c, "SELECT k.provider_id FROM provider_api_key k WHERE k.key_hash=? AND "
                + LIVE, ps -> {
                    ps.setString(1, keyHash);
                    Sql.setInstant(ps, 2, clock.instant());
                }, rs -> ProviderId.of(rs.getString(1))));
    }

    @Override
    public List<KeyInfo> keysOf(ProviderId provider) {
        return tx.read(c -> Sql.list(c, "SELECT key_hash, key_prefix, created_at, revoked_at, expires_at "
                + "FROM provider_api_key WHERE provider_id=? ORDER BY created_at DESC, key_hash",
                ps -> ps.setString(1, provider.value()), rs -> new KeyInfo(
                        Sql.optText(rs, "key_prefix").orElse(legacyName(rs.getString("key_hash"))),
                        Sql.instant(rs, "created_at"), Sql.optInstant(rs, "revoked_at"),
                        Sql.optInstant(rs, "expires_at"))));
    }

    /** A key issued before keys had prefixes is named by the start of its hash. */
    static String legacyName(String hash) {
        return "sha256:" + hash.substring(0, Math.min(12, hash.length()));
    }

    @Override
    public int revoke(ProviderId provider, String prefix, Instant at) {
        String match = prefix.startsWith("sha256:") ? "key_hash LIKE ?" : "key_prefix=?";
        int n = tx.inTransaction(c -> Sql.update(c, "UPDATE provider_api_key SET revoked_at=? "
                + "WHERE provider_id=? AND revoked_at IS NULL AND " + match, ps -> {
                    Sql.setInstant(ps, 1, at);
                    ps.setString(2, provider.value());
                    ps.setString(3, prefix.startsWith("sha256:")
                            ? prefix.substring(7).replace("%", "").replace("_", "") + "%" : prefix);
                }));
        forget(provider);
        return n;
    }

    @Override
    public int expireOthers(ProviderId provider, String keepHash, Instant until) {
        int n = tx.inTransaction(c -> Sql.update(c, "UPDATE provider_api_key SET expires_at=? "
                + "WHERE provider_id=? AND key_hash<>? AND revoked_at IS NULL "
                + "AND (expires_at IS NULL OR expires_at>?)", ps -> {
                    Sql.setInstant(ps, 1, until);
                    ps.setString(2, provider.value());
                    ps.setString(3, keepHash);
                    Sql.setInstant(ps, 4, until);
                }));
        forget(provider);
        return n;
    }

    @Override
    public void forget(ProviderId provider) {
        known.asMap().values().removeIf(provider::equals);
    }
}
