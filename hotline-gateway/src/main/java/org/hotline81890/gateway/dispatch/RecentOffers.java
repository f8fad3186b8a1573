package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;

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
 *
 * <p>Every dispatch asks, under its work-order lock, so the cost must not grow with the offers made: unanswered
 * offers are kept as a count per provider (expired through a queue ordered by accept deadline), and only the few
 * accepted since the older of the two aggregate reads are looked at one by one.
 */
final class RecentOffers {
    private final Clock clock;
    /** Unanswered offers: their provider, and when they stop counting. */
    private final Map<OfferId, Open> open = new HashMap<>();
    private final Map<ProviderId, Integer> openPerProvider = new HashMap<>();
    private final PriorityQueue<Open> byAcceptBy = new PriorityQueue<>(Comparator.comparing(Open::acceptBy));
    /** Accepted offers not yet known to be in every aggregate, in order of acceptance. */
    private final LinkedHashMap<OfferId, Accepted> accepted = new LinkedHashMap<>();

    private record Open(OfferId id, ProviderId provider, Instant acceptBy) {
    }

    private record Accepted(ProviderId provider, Instant at) {
    }

    RecentOffers(Clock clock) {
        this.clock = clock;
    }

    /** Follows an offer being saved through this node. */
    synchronized void saved(Offer offer) {
        if (offer.version() == 0 && offer.state() == OfferState.OFFERED) {
            Open o = new Open(offer.id(), offer.provider(), offer.acceptBy());
            if (open.put(o.id(), o) == null) {
                openPerProvider.merge(o.provider(), 1, Integer::sum);
            }
            byAcceptBy.add(o);
        } else if (offer.state() == OfferState.ACCEPTED) {
            Open o = close(offer.id());
            if (o != null) {
                accepted.put(o.id(), new Accepted(o.provider(), clock.instant()));
            }
        } else if (offer.state() != OfferState.OFFERED) {
            close(offer.id());
            accepted.remove(offer.id());
        }
    }

    /** {@code aggregate} (read at {@code readAt}) plus the offers it cannot show yet, per provider. */
    synchronized Map<ProviderId, Integer> on(Map<ProviderId, Integer> aggregate, Instant readAt) {
        expire(clock.instant());
        if (openPerProvider.isEmpty() && accepted.isEmpty()) {
            return aggregate;
        }
        Map<ProviderId, Integer> out = new HashMap<>(aggregate);
        openPerProvider.forEach((provider, n) -> out.merge(provider, n, Integer::sum));
        for (Accepted a : accepted.values()) {
            if (!a.at().isBefore(readAt)) {
                out.merge(a.provider(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Forgets accepted offers every aggregate read since {@code oldestRead} shows. */
    synchronized void seenBy(Instant oldestRead) {
        Iterator<Accepted> it = accepted.values().iterator();
        while (it.hasNext()) {
            if (it.next().at().isBefore(oldestRead)) {
                it.remove();
            }
        }
    }

    /** Unanswered offers past their accept deadline stop counting. */
    private void expire(Instant now) {
        for (Open o = byAcceptBy.peek(); o != null && o.acceptBy().isBefore(now); o = byAcceptBy.peek()) {
            byAcceptBy.poll();
            if (open.get(o.id()) == o) {
                close(o.id());
            }
        }
    }

    private Open close(OfferId id) {
        Open o = open.remove(id);
        if (o != null) {
            openPerProvider.computeIfPresent(o.provider(), (p, n) -> n > 1 ? n - 1 : null);
        }
        return o;
    }
}
