package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.rating.SurveyTally;

/** {@link ProviderRatings} in memory: one score per (work order, version), tallied on read. */
public final class InMemoryProviderRatings implements ProviderRatings {
    private record Answer(ProviderId provider, SurveyAnswer answer) {
    }

    private final Map<String, Answer> scored = new ConcurrentHashMap<>();

    @Override
    public boolean record(WorkOrderId workOrder, int version, ProviderId provider, OfferId offer,
                          SurveyAnswer answer, Instant at) {
        return SurveyTally.counts(answer)
                && scored.putIfAbsent(workOrder.value() + "/" + version, new Answer(provider, answer)) == null;
    }

    @Override
    public Map<ProviderId, SurveyTally> tallies() {
        Map<ProviderId, SurveyTally> out = new HashMap<>();
        scored.values().forEach(a -> out.merge(a.provider(), SurveyTally.NONE.plus(a.answer()),
                (x, y) -> new SurveyTally(x.answers() + y.answers(), x.scoreSum() + y.scoreSum())));
        return out;
    }
}
