package org.hotline81890.partners.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferState;

/** Scorecards and supervisor KPIs as pure functions over offers and survey records (the gateway queries both). */
public final class Kpis {
    private Kpis() {
    }

    public static Scorecard scorecard(ProviderId provider, List<Offer> offers, List<SurveyRecord> surveys) {
        List<Offer> mine = offers.stream().filter(o -> o.provider().equals(provider)).toList();
        List<SurveyRecord> rated = surveys.stream().filter(s -> s.provider().equals(provider)).toList();
        Counts c = Counts.of(mine, rated);
        return new Scorecard(provider, mine.size(), new Rate(c.accepted, c.accepted + c.declined + c.expired),
                percentile(c.acceptDurations, 50), new Rate(c.completed, c.accepted), c.satisfaction(),
                c.unsatisfied, c.noReply, c.overdue);
    }

    public static List<KpiRow> byCategory(List<Offer> offers, List<SurveyRecord> surveys) {
        return grouped(offers, surveys, o -> o.job().service().category(), s -> s.service().category());
    }

    /** All offers and surveys as one row (group "all"): the hotline's 响应率, 解决率, 满意率. */
    public static KpiRow overall(List<Offer> offers, List<SurveyRecord> surveys) {
        List<KpiRow> rows = grouped(offers, surveys, o -> "all", s -> "all");
        return rows.isEmpty() ? new KpiRow("all", 0, new Rate(0, 0), new Rate(0, 0), new Rate(0, 0), 0, 0,
                Optional.empty(), Optional.empty(), Optional.empty()) : rows.getFirst();
    }

    public static List<KpiRow> byProvider(List<Offer> offers, List<SurveyRecord> surveys) {
        return grouped(offers, surveys, o -> o.provider().value(), s -> s.provider().value());
    }

    private static List<KpiRow> grouped(List<Offer> offers, List<SurveyRecord> surveys,
            Function<Offer, String> offerKey, Function<SurveyRecord, String> surveyKey) {
        Map<String, List<Offer>> offersBy = new TreeMap<>();
        offers.forEach(o -> offersBy.computeIfAbsent(offerKey.apply(o), k -> new ArrayList<>()).add(o));
        Map<String, List<SurveyRecord>> surveysBy = new TreeMap<>();
        surveys.forEach(s -> surveysBy.computeIfAbsent(surveyKey.apply(s), k -> new ArrayList<>()).add(s));
        List<KpiRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Offer>> group : offersBy.entrySet()) {
            Counts c = Counts.of(group.getValue(), surveysBy.getOrDefault(group.getKey(), List.of()));
            rows.add(new KpiRow(group.getKey(), group.getValue().size(),
                    new Rate(c.accepted + c.declined, c.accepted + c.declined + c.expired),
                    new Rate(c.completed, c.accepted), c.satisfaction(), c.noReply, c.overdue,
                    percentile(c.acceptDurations, 50), percentile(c.acceptDurations, 90),
                    percentile(c.acceptDurations, 99)));
        }
        return rows;
    }

    /** Nearest-rank percentile. */
    static Optional<Duration> percentile(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }

    private static final class Counts {
        int accepted;
        int declined;
        int expired;
        int completed;
        int overdue;
        int satisfied;
        int unsatisfied;
        int noReply;
        final List<Duration> acceptDurations = new ArrayList<>();

        static Counts of(List<Offer> offers, List<SurveyRecord> surveys) {
            Counts c = new Counts();
            for (Offer offer : offers) {
                offer.acceptedAt().ifPresent(at -> {
                    c.accepted++;
                    c.acceptDurations.add(Duration.between(offer.offeredAt(), at));
                });
                c.declined += offer.state() == OfferState.DECLINED ? 1 : 0;
                c.expired += offer.state() == OfferState.EXPIRED ? 1 : 0;
                c.completed += offer.state() == OfferState.COMPLETED ? 1 : 0;
                c.overdue += offer.overdue() ? 1 : 0;
            }
            for (SurveyRecord survey : surveys) {
                switch (survey.answer()) {
                    case SATISFIED, BASICALLY_SATISFIED -> c.satisfied++;
                    case UNSATISFIED -> c.unsatisfied++;
                    case NO_REPLY -> c.noReply++;
                }
            }
            return c;
        }

        Rate satisfaction() {
            return new Rate(satisfied, satisfied + unsatisfied);
        }
    }
}
