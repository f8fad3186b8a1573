package org.hotline81890.gateway.supervision;

import java.util.List;

/** Driven port: what the supervisors' KPI charts count, over the orders received in a filter's range. */
public interface KpiCharts {
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

    record DaySatisfaction(java.time.LocalDate day, long answers, long satisfied) {
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
