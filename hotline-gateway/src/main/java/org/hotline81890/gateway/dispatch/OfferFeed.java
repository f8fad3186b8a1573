package org.hotline81890.gateway.dispatch;

import org.hotline81890.partners.offer.Offer;

/** Driven port: an offer changed and the change is committed (the provider desks follow it live). */
public interface OfferFeed {
    void changed(Offer offer);

    OfferFeed NONE = offer -> { };
}
