package org.hotline81890.gateway.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.dispatch.OfferHistory;
import org.hotline81890.gateway.dispatch.SurveyOutcomes;
import org.hotline81890.partners.kpi.KpiRow;
import org.hotline81890.partners.kpi.Kpis;
import org.hotline81890.partners.kpi.SurveyRecord;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferState;

/**
 * {@link OfferKpis} by definition: every offer made since the instant loaded and counted by the partner network's
 * {@link Kpis}, with the survey outcomes paired with the completed offers they judged ({@link #paired}). The
 * reference the database's count is held to, and what runs without a database.
 */
public final class OfferKpisInMemory implements OfferKpis {
    private final OfferHistory offers;
    private final SurveyOutcomes surveys;

    public OfferKpisInMemory(OfferHistory offers, SurveyOutcomes surveys) {
        this.offers = offers;
        this.surveys = surveys;
    }

    @Override
    public List<KpiRow> rows(Instant since, By by) {
        List<Offer> all = offers.offeredSince(since);
        List<SurveyRecord> rated = paired(all, surveys.since(since));
        return switch (by) {
            case ALL -> all.isEmpty() ? List.of() : List.of(Kpis.overall(all, rated));
            case CATEGORY -> Kpis.byCategory(all, rated);
            case PROVIDER -> Kpis.byProvider(all, rated);
        };
    }

    /**
     * Each survey answer is credited to the provider whose completion it judged. Completions and survey outcomes of
     * one work order alternate (completed, surveyed, reopened, completed, surveyed…), so the n-th outcome pairs with
     * the n-th completed offer; timestamps alone cannot tell them apart when both fall in the same instant.
     */
    public static List<SurveyRecord> paired(List<Offer> all, List<SurveyOutcomes.Answered> answered) {
        Map<String, List<Offer>> completed = new HashMap<>();
        all.stream().filter(o -> o.state() == OfferState.COMPLETED)
                .sorted(Comparator.comparing(Offer::offeredAt).thenComparing(o -> o.finishedAt().orElseThrow()))
                .forEach(o -> completed.computeIfAbsent(o.job().workOrder().value(), k -> new ArrayList<>()).add(o));
        Map<String, Integer> seen = new HashMap<>();
        List<SurveyRecord> out = new ArrayList<>();
        for (SurveyOutcomes.Answered a : answered) {
            int n = seen.merge(a.workOrder(), 1, Integer::sum) - 1;
            List<Offer> done = completed.getOrDefault(a.workOrder(), List.of());
            if (n < done.size()) {
                Offer o = done.get(n);
                out.add(new SurveyRecord(o.job().workOrder(), o.provider(), o.job().service(), a.answer()));
            }
        }
        return out;
    }
}
