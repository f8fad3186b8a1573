package org.hotline81890.gateway.channel.http;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.dispatch.OfferHistory;
import org.hotline81890.gateway.dispatch.RatedProviderStore;
import org.hotline81890.gateway.dispatch.SurveyOutcomes;
import org.hotline81890.gateway.supervision.OfferKpis;
import org.hotline81890.gateway.supervision.OfferKpisInMemory;
import org.hotline81890.gateway.supervision.ProviderOffers;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.kpi.KpiRow;
import org.hotline81890.partners.kpi.Kpis;
import org.hotline81890.partners.kpi.Rate;
import org.hotline81890.partners.kpi.Scorecard;
import org.hotline81890.partners.kpi.SurveyRecord;
import org.hotline81890.partners.offer.Offer;

/**
 * Supervisor figures as JSON: 响应率, 解决率, 满意率 and response-time percentiles per category and provider, counted
 * by the database ({@link OfferKpis}); a provider's scorecard over its offers.
 */
public final class KpiReport {
    private final OfferHistory offers;
    private final SurveyOutcomes surveys;
    private final RatedProviderStore providers;
    private final OfferKpis counted;
    private final ProviderOffers scorecards;

    /** Counting in memory, by definition (no database). */
    public KpiReport(OfferHistory offers, SurveyOutcomes surveys, RatedProviderStore providers) {
        this(offers, surveys, providers, new OfferKpisInMemory(offers, surveys));
    }

    public KpiReport(OfferHistory offers, SurveyOutcomes surveys, RatedProviderStore providers, OfferKpis counted) {
        this(offers, surveys, providers, counted, (provider, since) -> offers.offeredSince(since));
    }

    /** {@code scorecards}: a provider's orders' offers read by the provider (the whole day's otherwise). */
    public KpiReport(OfferHistory offers, SurveyOutcomes surveys, RatedProviderStore providers, OfferKpis counted,
                     ProviderOffers scorecards) {
        this.scorecards = scorecards;
        this.offers = offers;
        this.surveys = surveys;
        this.providers = providers;
        this.counted = counted;
    }

    public JsonObject kpis(Instant since) {
        Map<OfferKpis.By, List<KpiRow>> rows = counted.rows(since,
                EnumSet.of(OfferKpis.By.CATEGORY, OfferKpis.By.PROVIDER));
        List<KpiRow> categories = rows.get(OfferKpis.By.CATEGORY);
        Map<String, Integer> unoffered = surveys.escalatedWithoutOffer(since);
        Map<String, JsonObject> byCategory = new TreeMap<>();
        categories.forEach(r -> byCategory.put(r.group(), row(r, response(r.response(),
                unoffered.getOrDefault(r.group(), 0))).put("escalatedWithoutOffer",
                unoffered.getOrDefault(r.group(), 0))));
        unoffered.forEach((category, n) -> byCategory.computeIfAbsent(category, k -> emptyRow(k, n)));
        JsonArray providers = new JsonArray();
        rows.get(OfferKpis.By.PROVIDER).forEach(r -> providers.add(row(r, r.response())));
        int unofferedAll = unoffered.values().stream().mapToInt(Integer::intValue).sum();
        Rate answered = new Rate(categories.stream().mapToInt(r -> r.response().count()).sum(),
                categories.stream().mapToInt(r -> r.response().outOf()).sum());
        return new JsonObject().put("since", since.toString())
                .put("offers", categories.stream().mapToInt(KpiRow::offers).sum())
                .put("escalatedWithoutOffer", unofferedAll)
                .put("response", rate(response(answered, unofferedAll)))
                .put("surveys", categories.stream().mapToInt(r -> r.satisfaction().outOf() + r.noReply()).sum())
                .put("byCategory", new JsonArray(List.copyOf(byCategory.values())))
                .put("byProvider", providers);
    }

    /** A category whose orders were all escalated without an offer: none of them was answered. */
    private static JsonObject emptyRow(String category, int unoffered) {
        return new JsonObject().put("group", category).put("offers", 0).put("response", rate(new Rate(0, unoffered)))
                .put("resolution", rate(new Rate(0, 0))).put("satisfaction", rate(new Rate(0, 0)))
                .put("noReply", 0).put("overdue", 0).put("p50Ms", null).put("p90Ms", null).put("p99Ms", null)
                .put("escalatedWithoutOffer", unoffered);
    }

    /**
     * The whole hotline's 响应率, 解决率, 满意率 since {@code since} (the wallboard's "today"); 响应率 as in
     * {@link #kpis}: orders escalated without an offer count as not answered.
     */
    public KpiRow overall(Instant since) {
        KpiRow r = counted.rows(since, OfferKpis.By.ALL).stream().findFirst().orElseGet(() -> Kpis.overall(List.of(),
                List.of()));
        int unoffered = surveys.escalatedWithoutOffer(since).values().stream().mapToInt(Integer::intValue).sum();
        return new KpiRow(r.group(), r.offers(), response(r.response(), unoffered), r.resolution(), r.satisfaction(),
                r.noReply(), r.overdue(), r.p50(), r.p90(), r.p99());
    }

    /**
     * The one 响应率 of the wallboard and {@code /api/admin/kpis}: offers answered in time out of the offers due an
     * answer plus the orders escalated without any offer (no provider could be offered them: the network did not
     * respond to them either; docs/supervisor.md).
     */
    static Rate response(Rate offersAnswered, int escalatedWithoutOffer) {
        return new Rate(offersAnswered.count(), offersAnswered.outOf() + escalatedWithoutOffer);
    }

    public JsonObject scorecard(ProviderId provider, Instant since) {
        if (providers.unrated(provider).isEmpty()) {
            throw new NoSuchElementException("no provider with id " + provider.value());
        }
        List<Offer> all = scorecards.ofOrdersOf(provider, since);
        Scorecard s = Kpis.scorecard(provider, all, surveys(all, since));
        return new JsonObject().put("provider", provider.value()).put("since", since.toString())
                .put("offers", s.offers()).put("acceptance", rate(s.acceptance()))
                .put("medianTimeToAcceptMs", s.medianTimeToAccept().map(Duration::toMillis).orElse(null))
                .put("completion", rate(s.completion())).put("satisfaction", rate(s.satisfaction()))
                .put("unsatisfied", s.unsatisfied()).put("noReply", s.noReply()).put("overdue", s.overdue())
                .put("rating", providers.find(provider).map(p -> p.rating().stars()).orElse(null))
                .put("ratingPrior", providers.unrated(provider).map(p -> p.rating().stars()).orElse(null));
    }

    private List<SurveyRecord> surveys(List<Offer> all, Instant since) {
        return OfferKpisInMemory.paired(all, surveys.since(since));
    }

    private static JsonObject row(KpiRow r, Rate response) {
        return new JsonObject().put("group", r.group()).put("offers", r.offers())
                .put("response", rate(response)).put("resolution", rate(r.resolution()))
                .put("satisfaction", rate(r.satisfaction())).put("noReply", r.noReply())
                .put("overdue", r.overdue()).put("p50Ms", r.p50().map(Duration::toMillis).orElse(null))
                .put("p90Ms", r.p90().map(Duration::toMillis).orElse(null))
                .put("p99Ms", r.p99().map(Duration::toMillis).orElse(null));
    }

    private static JsonObject rate(Rate r) {
        return new JsonObject().put("count", r.count()).put("outOf", r.outOf()).put("value", r.value().orElse(null));
    }
}
