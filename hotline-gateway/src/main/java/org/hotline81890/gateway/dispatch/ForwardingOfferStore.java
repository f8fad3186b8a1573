package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.OfferStore;

/**
 * An {@link OfferStore} that passes every call to another one: a decorator extends it and overrides only what it
 * changes (the pattern of Guava's {@code Forwarding*} classes), so a method added to the port is passed through by
 * every decorator at once.
 */
public abstract class ForwardingOfferStore implements OfferStore {
    protected final OfferStore store;

    protected ForwardingOfferStore(OfferStore store) {
        this.store = store;
    }

    @Override
    public void save(Offer offer) {
        store.save(offer);
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
