package org.hotline81890.gateway.dispatch;

import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.store.OfferStore;

/**
 * Every saved offer is told to the {@link OfferFeed} once its transaction has committed (never a change that is
 * rolled back): a new offer, an answer, a start, a completion, an expiry, a withdrawal. Reads pass through.
 */
public final class PublishingOffers extends ForwardingOfferStore {
    private final WorkOrderStore commits;
    private final OfferFeed feed;

    public PublishingOffers(OfferStore store, WorkOrderStore commits, OfferFeed feed) {
        super(store);
        this.commits = commits;
        this.feed = feed;
    }

    @Override
    public void save(Offer offer) {
        store.save(offer);
        commits.afterCommit(() -> feed.changed(offer));
    }
}
