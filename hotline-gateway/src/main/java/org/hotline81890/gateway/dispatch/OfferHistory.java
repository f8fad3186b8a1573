package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.List;

import org.hotline81890.partners.offer.Offer;

/** Driven port: the offers made since an instant, for the supervisors' KPIs. */
public interface OfferHistory {
    List<Offer> offeredSince(Instant since);
}
