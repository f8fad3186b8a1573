package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.store.ProviderStore;
import org.hotline81890.gateway.dispatch.ProviderPhones;
import org.hotline81890.gateway.dispatch.WebhookSecrets;

/** {@link ProviderStore} on MySQL: one row per provider, lists and schedules in their CSV text form. */
public final class MySqlProviderStore implements ProviderStore, ProviderPhones, WebhookSecrets {
    private static final String UPSERT = "INSERT INTO provider (id, kind, name, services, coverage, hours, capacity, "
            + "webhook_url, webhook_secret, sms, portal_login, status, rating) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
            + "ON DUPLICATE KEY UPDATE kind=VALUES(kind), name=VALUES(name), services=VALUES(services), "
            + "coverage=VALUES(coverage), hours=VALUES(hours), capacity=VALUES(capacity), "
            + "webhook_url=VALUES(webhook_url), webhook_secret=VALUES(webhook_secret), sms=VALUES(sms), "
            + "portal_login=VALUES(portal_login), status=VALUES(status), rating=VALUES(rating)";
    private final Transactions tx;

    public MySqlProviderStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Provider provider) {
        saveAll(List.of(provider));
    }

    @Override
    public void saveAll(List<Provider> providers) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (Provider p : providers) {
                    MySqlProviderRows.bind(ps, p);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Provider> find(ProviderId id) {
        return tx.read(c -> {
            return Sql.first(c, "SELECT * FROM provider WHERE id=?", ps -> ps.setString(1, id.value()),
                    MySqlProviderRows::read);
        });
    }

    @Override
    public List<Provider> all() {
        return tx.read(c -> Sql.list(c, "SELECT * FROM provider ORDER BY id", Sql.NONE, MySqlProviderRows::read));
    }

    /** Active or not, the providers whose SMS number is {@code digits}. */
    @Override
    public List<Provider> bySms(String digits) {
        return tx.read(c -> Sql.list(c, "SELECT * FROM provider WHERE sms=? ORDER BY id",
                ps -> ps.setString(1, digits), MySqlProviderRows::read));
    }

    @Override
    public void rotate(ProviderId provider, String next, String previous, Instant previousUntil) {
        tx.inTransaction(c -> Sql.update(c, "UPDATE provider SET webhook_secret=?, webhook_secret_previous=?, "
                + "webhook_previous_until=? WHERE id=?", ps -> {
                    ps.setString(1, next);
                    ps.setString(2, previous);
                    Sql.setInstant(ps, 3, previousUntil);
                    ps.setString(4, provider.value());
                }));
    }

    @Override
    public Optional<String> previous(ProviderId provider, Instant now) {
        return tx.read(c -> Sql.first(c, "SELECT webhook_secret_previous FROM provider "
                + "WHERE id=? AND webhook_previous_until>?", ps -> {
                    ps.setString(1, provider.value());
                    Sql.setInstant(ps, 2, now);
                }, rs -> rs.getString(1)));
    }

    /** The previous secrets of these providers in one read (the webhook delivery's claim, ADR 0052). */
    @Override
    public Map<ProviderId, String> previous(Collection<ProviderId> providers, Instant now) {
        if (providers.isEmpty()) {
            return Map.of();
        }
        List<ProviderId> ids = List.copyOf(providers);
        return tx.read(c -> Sql.list(c, "SELECT id, webhook_secret_previous FROM provider WHERE id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ") AND webhook_previous_until>?", ps -> {
                    int i = 1;
                    for (ProviderId id : ids) {
                        ps.setString(i++, id.value());
                    }
                    Sql.setInstant(ps, i, now);
                }, rs -> Map.entry(ProviderId.of(rs.getString(1)), rs.getString(2))))
                .stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    public boolean isEmpty() {
        return tx.read(c -> Sql.first(c, "SELECT 1 FROM provider LIMIT 1", Sql.NONE, rs -> true)).isEmpty();
    }
}
