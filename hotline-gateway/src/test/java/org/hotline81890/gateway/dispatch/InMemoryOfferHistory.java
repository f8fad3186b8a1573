package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.InMemoryOfferStore;
import org.hotline81890.partners.store.OfferStore;

/** The partner network's in-memory offer store, with the {@link OfferHistory} query the MySQL adapter adds. */
public final class InMemoryOfferHistory implements OfferStore, OfferHistory {
    private final InMemoryOfferStore offers = new InMemoryOfferStore();
    private final Set<OfferId> ids = ConcurrentHashMap.newKeySet();

    @Override
    public void save(Offer offer) {
        offers.save(offer);
        ids.add(offer.id());
    }

    @Override
    public List<Offer> offeredSince(Instant since) {
        return ids.stream().map(offers::find).flatMap(Optional::stream).filter(o -> !o.offeredAt().isBefore(since))
                .sorted(Comparator.comparing(Offer::offeredAt).thenComparing(o -> o.id().value())).toList();
    }

    @Override
    public Optional<Offer> find(OfferId id) {
        return offers.find(id);
    }

    @Override
    public List<Offer> forWorkOrder(WorkOrderRef workOrder) {
        return offers.forWorkOrder(workOrder);
    }

    @Override
    public List<Offer> forProvider(ProviderId provider) {
        return offers.forProvider(provider);
    }

    @Override
    public Map<ProviderId, Integer> activeJobCounts() {
        return offers.activeJobCounts();
    }

    @Override
    public Map<ProviderId, Integer> acceptedSince(Instant since) {
        return offers.acceptedSince(since);
    }

    @Override
    public List<Offer> acceptDeadlinesDue(Instant now) {
        return offers.acceptDeadlinesDue(now);
    }
}
