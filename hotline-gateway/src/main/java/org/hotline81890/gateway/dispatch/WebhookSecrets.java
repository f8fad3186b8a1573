package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;

/** Driven port: a provider's webhook signing secret being rotated, and the previous one during its grace period. */
public interface WebhookSecrets {
    /** Stores {@code next} as the secret and keeps {@code previous} valid until {@code previousUntil}. */
    void rotate(ProviderId provider, String next, String previous, Instant previousUntil);

    /** The previous secret while its grace period lasts. */
    Optional<String> previous(ProviderId provider, Instant now);
}
