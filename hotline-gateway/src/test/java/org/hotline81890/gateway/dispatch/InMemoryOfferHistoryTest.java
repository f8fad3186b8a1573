package org.hotline81890.gateway.dispatch;

import org.hotline81890.partners.store.OfferStore;

/** The in-memory fake held to the same contract as the MySQL adapter. */
class InMemoryOfferHistoryTest implements OfferHistoryContract {
    private final InMemoryOfferHistory offers = new InMemoryOfferHistory();

    @Override
    public OfferStore offers() {
        return offers;
    }

    @Override
    public OfferHistory history() {
        return offers;
    }
}
