package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.dispatch.RatingUpdates;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.SurveyScore;

/** Delivers outbox rows of kind {@code survey-score}: the resident's answer rates the provider who did the job. */
public final class SurveyScoreDelivery implements OutboxDelivery {
    private final RatingUpdates ratings;

    public SurveyScoreDelivery(RatingUpdates ratings) {
        this.ratings = ratings;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        return ParsedPayload.deliver(entry, SurveyScore::parse,
                r -> ratings.onSurveyed(r.workOrder(), r.version(), r.answer()), "survey score");
    }
}
