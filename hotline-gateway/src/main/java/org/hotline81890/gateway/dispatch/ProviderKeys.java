package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;

/** Driven port: the partner-API keys, stored as hashes ({@link ApiKeys#hash}) with a visible prefix. */
public interface ProviderKeys {
    /** A key as the admin page lists it: never the key, only its prefix and its life. */
    record KeyInfo(String prefix, Instant createdAt, Optional<Instant> revokedAt, Optional<Instant> expiresAt) {
        public boolean liveAt(Instant now) {
            return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
        }
    }

    void add(ProviderId provider, String keyHash, Instant at);

    /** Registers a key by its hash and prefix ({@link ApiKeys#prefix}). */
    void add(ProviderId provider, String keyHash, String prefix, Instant at);

    /**
     * The provider a key hash belongs to, if the key is live: not revoked, not past its expiry, and its provider
     * not suspended.
     */
    Optional<ProviderId> providerOf(String keyHash);

    /** The provider's keys, newest first, revoked and expired ones included. */
    List<KeyInfo> keysOf(ProviderId provider);

    /** Revokes the provider's live keys with this prefix; how many. */
    int revoke(ProviderId provider, String prefix, Instant at);

    /** Every live key of the provider except {@code keepHash} stops working at {@code until} (a rotation's grace). */
    int expireOthers(ProviderId provider, String keepHash, Instant until);

    /** Forgets what this node remembers of the provider's keys (after a revocation or a suspension). */
    void forget(ProviderId provider);
}
