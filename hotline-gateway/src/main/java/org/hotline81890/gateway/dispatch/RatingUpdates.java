package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;

import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.OfferStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resident answered the survey: the answer scores the provider whose completion it judged (the work order's
 * latest completed offer). Dispatch ranks on the new rating from the provider cache's next re-read (within
 * {@code partners.provider-cache}); the cache is not dropped, since at a day's rate of surveys that made nearly
 * every decision wait for a re-read of the whole list (ADR 0037).
 */
public final class RatingUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(RatingUpdates.class);
    private final OfferStore offers;
    private final ProviderRatings ratings;
    private final Clock clock;

    public RatingUpdates(OfferStore offers, ProviderRatings ratings, Clock clock) {
        this.offers = offers;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** {@code version}: the work order's version after its SURVEYED move (names the answer; repeats are no-ops). */
    public void onSurveyed(WorkOrderId id, int version, SurveyAnswer answer) {
        Optional<Offer> judged = offers.forWorkOrder(new WorkOrderRef(Long.toString(id.value()))).stream()
                .filter(o -> o.state() == OfferState.COMPLETED && o.finishedAt().isPresent())
                .max(Comparator.comparing((Offer o) -> o.finishedAt().get()));
        if (judged.isEmpty()) {
            LOG.debug("work order {} surveyed ({}) with no completed offer: no provider to rate", id, answer);
            return;
        }
        Offer offer = judged.get();
        if (ratings.record(id, version, offer.provider(), offer.id(), answer, clock.instant())) {
            LOG.info("provider {} rated by the survey of work order {}: {}", offer.provider(), id, answer);
        }
    }
}
