package org.hotline81890.gateway.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Driven port: what the supervisors' KPI charts count, over the orders received in a filter's range. */
public interface KpiCharts {
    /** The hotline's promise to residents (issue 15): a provider answers within 5 minutes, the job is done in 24 h. */
    Duration RESPONSE_GOAL = Duration.ofMinutes(5);
    Duration COMPLETION_GOAL = Duration.ofHours(24);

    /** Orders per hour of the day (Beijing time, 0..23) and channel. */
    List<HourCount> requestsPerHour(ChartFilter filter);

    /** Orders per category (the service code's two letters) and district; none matched: category {@code ""}. */
    List<HeatCell> heat(ChartFilter filter);

    /** Orders received, and of those the ones answered at the first contact (ANSWERED in their history). */
    FirstContact firstContact(ChartFilter filter);

    /** Callers with more than one order, most orders first, at most {@code limit} (withheld numbers left out). */
    List<RepeatCaller> repeatCallers(ChartFilter filter, int limit);

    /**
     * Survey answers per Beijing day of the answer (orders of the filter's category and district), and of those the
     * satisfied ones (满意 or 基本满意).
     */
    List<DaySatisfaction> satisfactionByDay(ChartFilter filter);

    /**
     * Response and completion times of the orders received in the filter's range, measured from receipt: response to
     * the first ACCEPTED (a provider took it) or ANSWERED (answered at first contact), completion to the first
     * COMPLETED or ANSWERED. Per Beijing day of receipt and per category, nearest-rank percentiles over the orders
     * that got there; {@code withinGoal} counts those that got there within {@code goal(measure)}.
     */
    List<TimePercentiles> timePercentiles(ChartFilter filter, Duration responseGoal, Duration completionGoal);

    /**
     * Each provider's offers in the range (offered then), their answers and work, the survey answers about it given in
     * the range, and the 督办单 issued to it in the range. Providers without an offer, answer or notice are absent.
     */
    List<ProviderFigures> providerFigures(ChartFilter filter);

    /** The provider's newest offers, whatever the range, each with its order's ticket; newest first. */
    List<ProviderOffer> recentOffers(String provider, int limit);

    record ProviderOffer(String ticket, String service, String state, Instant offeredAt,
                         Optional<Instant> answeredAt, Optional<Instant> finishedAt, boolean overdue) {
    }

    record DaySatisfaction(LocalDate day, long answers, long satisfied) {
    }

    enum Measure { RESPONSE, COMPLETION }

    /** Grouped by the Beijing day of receipt ({@code key} 2026-12-05) or by category ({@code key} HK, "" unmatched). */
    enum By { DAY, CATEGORY }

    record TimePercentiles(Measure measure, By by, String key, long orders, long reached, long withinGoal,
                           Optional<Duration> p50, Optional<Duration> p90, Optional<Duration> p99) {
    }

    /**
     * @param due            offers that were due an answer (every offer but those still open or withdrawn unanswered)
     * @param answeredOnTime of those, accepted or declined by the offer's answer deadline
     * @param completionP50  accepted → completed, nearest rank over its completed offers
     * @param satisfied      survey answers 满意 or 基本满意; {@code unsatisfied}: 不满意, each of which reopened the order
     * @param overdue        offers that missed their handling deadline; {@code notices}: 督办单 issued to it
     */
    record ProviderFigures(String provider, String name, String kind, long offers, long due, long accepted,
                           long answeredOnTime, long completed, Optional<Duration> completionP50,
                           Optional<Duration> completionP90, long satisfied, long unsatisfied, long overdue,
                           long notices) {
    }

    record FirstContact(long received, long answered) {
    }

    record RepeatCaller(String number, long orders) {
    }

    record HourCount(int hour, String channel, long count) {
    }

    record HeatCell(String category, String district, long count) {
    }
}
