package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;

/** Driven port: the partner-API keys, stored as hashes ({@link ApiKeys#hash}). */
public interface ProviderKeys {
    void add(ProviderId provider, String keyHash, Instant at);

    /** The provider a key hash belongs to, if it is a live key. */
    Optional<ProviderId> providerOf(String keyHash);
}
