package org.hotline81890.gateway.supervision;

import java.time.Instant;
import java.util.List;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;

/**
 * Driven port: what one provider's scorecard needs of the offers, read by the provider rather than the whole day:
 * every offer made since an instant of each order the provider had an offer of since then (its own, and the others'
 * of the same orders, which the survey answers are paired against). Oldest first, as {@code offeredSince}.
 */
public interface ProviderOffers {
    List<Offer> ofOrdersOf(ProviderId provider, Instant since);
}
