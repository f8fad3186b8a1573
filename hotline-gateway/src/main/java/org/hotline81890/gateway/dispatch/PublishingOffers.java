package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.OfferStore;

/**
 * Every saved offer is told to the {@link OfferFeed} once its transaction has committed (never a change that is
 * rolled back): a new offer, an answer, a start, a completion, an expiry, a withdrawal. Reads pass through.
 */
public final class PublishingOffers implements OfferStore {
    private final OfferStore store;
    private final WorkOrderStore commits;
    private final OfferFeed feed;

    public PublishingOffers(OfferStore store, WorkOrderStore commits, OfferFeed feed) {
        this.store = store;
        this.commits = commits;
        this.feed = feed;
    }

    @Override
    public void save(Offer offer) {
        store.save(offer);
        commits.afterCommit(() -> feed.changed(offer));
    }

    @Override
    public Optional<Offer> find(OfferId id) {
        return store.find(id);
    }

    @Override
    public List<Offer> forWorkOrder(WorkOrderRef workOrder) {
        return store.forWorkOrder(workOrder);
    }

    @Override
    public List<Offer> forProvider(ProviderId provider) {
        return store.forProvider(provider);
    }

    @Override
    public Map<ProviderId, Integer> activeJobCounts() {
        return store.activeJobCounts();
    }

    @Override
    public Map<ProviderId, Integer> acceptedSince(Instant since) {
        return store.acceptedSince(since);
    }

    @Override
    public List<Offer> acceptDeadlinesDue(Instant now) {
        return store.acceptDeadlinesDue(now);
    }
}
