package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.Map;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.rating.SurveyTally;

/** Driven port: the residents' survey scores per provider, which rate the provider for dispatch. */
public interface ProviderRatings {
    /**
     * Scores one survey answer for the provider; {@code version} is the work order's version after the answer, so
     * scoring the same answer again is a no-op. Returns whether it was new. No reply is not scored.
     */
    boolean record(WorkOrderId workOrder, int version, ProviderId provider, OfferId offer, SurveyAnswer answer,
                   Instant at);

    /** Every provider's answers and score sum (providers without answers are absent). */
    Map<ProviderId, SurveyTally> tallies();
}
