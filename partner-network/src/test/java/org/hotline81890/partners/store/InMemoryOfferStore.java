package org.hotline81890.partners.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.WorkOrderRef;

/** Test fake for {@link OfferStore}, with the same optimistic locking a database adapter has. */
public final class InMemoryOfferStore implements OfferStore {
    private final Map<OfferId, Offer> offers = new LinkedHashMap<>();

    @Override
    public synchronized void save(Offer offer) {
        Offer stored = offers.get(offer.id());
        long expected = offer.version() - 1;
        boolean fresh = offer.version() == 0 && stored == null;
        boolean next = offer.version() > 0 && stored != null && stored.version() == expected;
        if (!fresh && !next) {
            throw new ConcurrentOfferUpdateException(offer.id(), expected);
        }
        offers.put(offer.id(), offer);
    }

    @Override
    public synchronized Optional<Offer> find(OfferId id) {
        return Optional.ofNullable(offers.get(id));
    }

    @Override
    public synchronized List<Offer> forWorkOrder(WorkOrderRef workOrder) {
        return offers.values().stream().filter(o -> o.job().workOrder().equals(workOrder))
                .sorted(Comparator.comparing(Offer::offeredAt)).toList();
    }

    @Override
    public synchronized List<Offer> forProvider(ProviderId provider) {
        return offers.values().stream().filter(o -> o.provider().equals(provider))
                .sorted(Comparator.comparing(Offer::offeredAt)).toList();
    }

    @Override
    public synchronized Map<ProviderId, Integer> activeJobCounts() {
        Map<ProviderId, Integer> counts = new HashMap<>();
        offers.values().stream().filter(o -> o.state().isActiveJob())
                .forEach(o -> counts.merge(o.provider(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized Map<ProviderId, Integer> acceptedSince(Instant since) {
        Map<ProviderId, Integer> counts = new HashMap<>();
        offers.values().stream()
                .filter(o -> o.acceptedAt().filter(at -> !at.isBefore(since)).isPresent())
                .forEach(o -> counts.merge(o.provider(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized List<Offer> acceptDeadlinesDue(Instant now) {
        return offers.values().stream().filter(o -> o.acceptDeadlinePassed(now))
                .sorted(Comparator.comparing(Offer::acceptBy)).toList();
    }
}
