package org.hotline81890.gateway.supervision;

import java.util.List;

/** Driven port: what the supervisors' KPI charts count, over the orders received in a filter's range. */
public interface KpiCharts {
    /** Orders per hour of the day (Beijing time, 0..23) and channel. */
    List<HourCount> requestsPerHour(ChartFilter filter);

    /** Orders per category (the service code's two letters) and district; none matched: category {@code ""}. */
    List<HeatCell> heat(ChartFilter filter);

    record HourCount(int hour, String channel, long count) {
    }

    record HeatCell(String category, String district, long count) {
    }
}
