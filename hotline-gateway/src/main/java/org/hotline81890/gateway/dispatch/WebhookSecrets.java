package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;

/** Driven port: a provider's webhook signing secret being rotated, and the previous one during its grace period. */
public interface WebhookSecrets {
    /** Stores {@code next} as the secret and keeps {@code previous} valid until {@code previousUntil}. */
    void rotate(ProviderId provider, String next, String previous, Instant previousUntil);

    /** The previous secret while its grace period lasts. */
    Optional<String> previous(ProviderId provider, Instant now);

    /** {@link #previous} for many providers at once (one read where the store can); those without one are absent. */
    default Map<ProviderId, String> previous(Collection<ProviderId> providers, Instant now) {
        Map<ProviderId, String> out = new HashMap<>();
        providers.forEach(p -> previous(p, now).ifPresent(s -> out.put(p, s)));
        return out;
    }
}
