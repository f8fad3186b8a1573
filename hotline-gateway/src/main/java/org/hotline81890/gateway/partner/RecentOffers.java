package org.hotline81890.gateway.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;

/**
 * The offers this node made that a cached load aggregate cannot show yet: an offer still unanswered (until its
 * accept deadline; the aggregates count accepted jobs only, but an open offer is a job the firm will likely
 * take), and an accepted one until an aggregate read after its acceptance. A declined, expired or cancelled offer
 * stops counting at once. Answers that reach another node are only seen there, so such an offer counts here
 * until its accept deadline: a little too much load for a firm, never too little.
 */
final class RecentOffers {
    private final Clock clock;
    private final Map<OfferId, Made> made = new ConcurrentHashMap<>();

    /** {@code acceptedAt} empty while unanswered. */
    private record Made(ProviderId provider, Instant acceptBy, Optional<Instant> acceptedAt) {
    }

    RecentOffers(Clock clock) {
        this.clock = clock;
    }

    /** Follows an offer being saved through this node. */
    void saved(Offer offer) {
        if (offer.version() == 0 && offer.state() == OfferState.OFFERED) {
            made.put(offer.id(), new Made(offer.provider(), offer.acceptBy(), Optional.empty()));
        } else if (offer.state() == OfferState.ACCEPTED) {
            made.computeIfPresent(offer.id(), (id, m) -> new Made(m.provider(), m.acceptBy(),
                    Optional.of(clock.instant())));
        } else if (offer.state() != OfferState.OFFERED) {
            made.remove(offer.id());
        }
    }

    /** {@code aggregate} (read at {@code readAt}) plus the offers it cannot show yet, per provider. */
    Map<ProviderId, Integer> on(Map<ProviderId, Integer> aggregate, Instant readAt) {
        Instant now = clock.instant();
        made.values().removeIf(m -> m.acceptedAt().isEmpty() && m.acceptBy().isBefore(now));
        if (made.isEmpty()) {
            return aggregate;
        }
        Map<ProviderId, Integer> out = new HashMap<>(aggregate);
        for (Made m : made.values()) {
            if (m.acceptedAt().map(at -> !at.isBefore(readAt)).orElse(true)) {
                out.merge(m.provider(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Forgets accepted offers every aggregate read since {@code oldestRead} shows. */
    void seenBy(Instant oldestRead) {
        made.values().removeIf(m -> m.acceptedAt().map(at -> at.isBefore(oldestRead)).orElse(false));
    }
}
