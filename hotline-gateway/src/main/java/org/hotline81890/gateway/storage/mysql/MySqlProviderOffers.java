package org.hotline81890.gateway.storage.mysql;

import java.time.Instant;
import java.util.List;

import org.hotline81890.gateway.supervision.ProviderOffers;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;

/**
 * {@link ProviderOffers} by {@code ix_offer_provider}: the provider's orders, then their offers by
 * {@code ix_offer_work_order}; a few thousand rows where the whole day is 80,000 (hotline-gateway/docs/kpi-sql.md).
 */
public final class MySqlProviderOffers implements ProviderOffers {
    private final Transactions tx;

    public MySqlProviderOffers(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Offer> ofOrdersOf(ProviderId provider, Instant since) {
        return tx.read(c -> Sql.list(c, "SELECT " + MySqlOfferRows.COLUMNS + " FROM offer WHERE work_order IN "
                + "(SELECT work_order FROM offer WHERE provider_id=? AND offered_at>=?) AND offered_at>=? "
                + "ORDER BY offered_at, id", ps -> {
                    ps.setString(1, provider.value());
                    Sql.setInstant(ps, 2, since);
                    Sql.setInstant(ps, 3, since);
                }, MySqlOfferRows::read));
    }
}
