package org.hotline81890.gateway.dispatch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.WebhookEndpoint;
import org.hotline81890.partners.importer.ImportResult;
import org.hotline81890.partners.importer.ProviderCsvImporter;
import org.hotline81890.partners.importer.ServiceCatalog;
import org.hotline81890.partners.store.ProviderStore;

/**
 * Onboarding providers, for the admin page and the CLI alike: create and edit (checked by the CSV importer's
 * rules), CSV import (all rows or none), suspend and reactivate, partner-API keys (issued once, stored hashed,
 * revoked by prefix, rotated with a grace period) and the webhook signing secret (rotated with a grace period).
 * Suspending takes effect at once: the provider gets no offers, its keys and its staff's logins stop.
 */
public final class Onboarding {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HEADER = "id,kind,name,services,coverage,hours,capacity,webhook_url,webhook_secret,sms,"
            + "portal_login,status,rating";
    private final ProviderStore store;
    private final ProviderKeys keys;
    private final WebhookSecrets secrets;
    private final ServiceCatalog catalog;
    private final Runnable changed;
    private final Clock clock;

    /** {@code changed}: forget cached providers (dispatch reads the table again). */
    public Onboarding(ProviderStore store, ProviderKeys keys, WebhookSecrets secrets, ServiceCatalog catalog,
                      Runnable changed, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.secrets = secrets;
        this.catalog = catalog;
        this.changed = changed;
        this.clock = clock;
    }

    /** A key or secret shown once, then never again. */
    public record Issued(ProviderId provider, String secret, String prefix) {
        @Override
        public String toString() {
            return "Issued[" + provider + ", " + prefix + "…]";
        }
    }

    /** A save: the provider as stored and, when a webhook was added, its new signing secret (shown once). */
    public sealed interface Saved {
        record Done(Provider provider, Optional<String> newWebhookSecret) implements Saved {
        }

        record Refused(List<ImportResult.RowError> errors) implements Saved {
        }
    }

    public List<Provider> providers() {
        return store.all();
    }

    public Optional<Provider> provider(ProviderId id) {
        return store.find(id);
    }

    /** Creates or (same id) edits a provider; an edit keeps its status, rating and webhook secret. */
    public Saved save(ProviderForm form) {
        Optional<Provider> before = idOf(form).flatMap(store::find);
        Optional<String> oldSecret = before.flatMap(p -> p.contact().webhook()).map(WebhookEndpoint::secret);
        Optional<String> newSecret = form.webhookUrl().isEmpty() || oldSecret.isPresent() ? Optional.empty()
                : Optional.of(newWebhookSecret());
        String status = before.map(p -> p.status().name()).orElse(ProviderStatus.ACTIVE.name());
        String rating = before.map(p -> Double.toString(p.rating().stars())).orElse("");
        String row = form.csvRow(oldSecret.or(() -> newSecret).orElse(""), status, rating);
        return switch (new ProviderCsvImporter(catalog).parse(HEADER + "\n" + row)) {
            case ImportResult.Valid v -> {
                store.save(v.providers().getFirst());
                changed.run();
                yield new Saved.Done(v.providers().getFirst(), newSecret);
            }
            case ImportResult.Invalid i -> new Saved.Refused(i.errors());
        };
    }

    /** A whole CSV file: every row valid and saved in one transaction, or nothing. */
    public ImportResult importCsv(String csv) {
        ImportResult result = new ProviderCsvImporter(catalog).parse(csv);
        if (result instanceof ImportResult.Valid v) {
            store.saveAll(v.providers());
            changed.run();
        }
        return result;
    }

    /** Suspends or reactivates; empty when done, else why not. */
    public Optional<String> setStatus(ProviderId id, ProviderStatus status) {
        Optional<Provider> p = store.find(id);
        if (p.isEmpty()) {
            return Optional.of("no provider " + id);
        }
        store.save(p.get().withStatus(status));
        keys.forget(id);
        changed.run();
        return Optional.empty();
    }

    /**
     * Issues a new partner-API key. With a positive {@code grace} every other live key of the provider stops at
     * the end of it (a rotation: old and new work meanwhile); with zero the others keep working.
     */
    public Optional<Issued> issueKey(ProviderId id, Duration grace) {
        if (store.find(id).isEmpty()) {
            return Optional.empty();
        }
        String key = ApiKeys.random();
        Instant now = clock.instant();
        keys.add(id, ApiKeys.hash(key), ApiKeys.prefix(key), now);
        if (grace.isPositive()) {
            keys.expireOthers(id, ApiKeys.hash(key), now.plus(grace));
        }
        return Optional.of(new Issued(id, key, ApiKeys.prefix(key)));
    }

    public List<ProviderKeys.KeyInfo> keys(ProviderId id) {
        return keys.keysOf(id);
    }

    /** How many live keys with this prefix were revoked (0: none matched). */
    public int revokeKey(ProviderId id, String prefix) {
        return keys.revoke(id, prefix.strip(), clock.instant());
    }

    /**
     * A new webhook signing secret; webhooks are signed with both the new and the old one until {@code grace} ends,
     * so the partner can switch its receiver at any moment within it. Empty when the provider has no webhook.
     */
    public Optional<Issued> rotateWebhookSecret(ProviderId id, Duration grace) {
        Optional<Provider> p = store.find(id);
        Optional<WebhookEndpoint> hook = p.flatMap(x -> x.contact().webhook());
        if (hook.isEmpty()) {
            return Optional.empty();
        }
        String secret = newWebhookSecret();
        secrets.rotate(id, secret, hook.get().secret(), clock.instant().plus(grace));
        changed.run();
        return Optional.of(new Issued(id, secret, secret.substring(0, 8)));
    }

    private static Optional<ProviderId> idOf(ProviderForm form) {
        try {
            return Optional.of(ProviderId.of(form.id()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String newWebhookSecret() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return "whsec_" + HexFormat.of().formatHex(raw).toLowerCase(Locale.ROOT);
    }
}
