package org.hotline81890.partners.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.WorkOrderRef;

/** Where offers live. Adapters: MySqlOfferStore (gateway), InMemoryOfferStore (tests). */
public interface OfferStore {

    /**
     * Saves with optimistic locking: an offer at version 0 is inserted (its id must be new); a later version
     * replaces the stored one only if that is at {@code version - 1}.
     *
     * @throws ConcurrentOfferUpdateException when the id exists at insert, or the stored version differs
     */
    void save(Offer offer);

    Optional<Offer> find(OfferId id);

    /** The work order's offers, oldest first. */
    List<Offer> forWorkOrder(WorkOrderRef workOrder);

    /** The provider's offers, oldest first. */
    List<Offer> forProvider(ProviderId provider);

    /** Accepted or started offers per provider (providers with none may be absent). */
    Map<ProviderId, Integer> activeJobCounts();

    /** Offers accepted at or after {@code since}, per provider. */
    Map<ProviderId, Integer> acceptedSince(Instant since);

    /** Offers still OFFERED whose accept deadline is at or before {@code now}, oldest deadline first. */
    List<Offer> acceptDeadlinesDue(Instant now);
}
