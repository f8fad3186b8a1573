package org.hotline81890.gateway.supervision;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline81890.partners.kpi.KpiRow;

/**
 * Driven port: 响应率, 解决率, 满意率 and response-time percentiles over the offers made since an instant, counted by
 * the database rather than loaded (the wallboard's tiles, {@code /api/admin/kpis}; issue 15, ADR 0038). The
 * definitions are the partner network's {@code Kpis} over {@code offeredSince} and the survey outcomes paired with
 * the completed offers they judged; the percentiles are read from 1 %-wide buckets as the charts' are (ADR 0025): a
 * time some offer really took, at most 1 % above the exact nearest rank, exact when its bucket holds one time.
 */
public interface OfferKpis {
    /** The whole hotline (one row, group {@code all}), per category (the service code's two letters), per provider. */
    enum By { ALL, CATEGORY, PROVIDER }

    /** One row per group with an offer since {@code since}, ordered by group. */
    List<KpiRow> rows(Instant since, By by);

    /** The rows of each grouping asked, from one reading of what they share (the survey outcomes). */
    default Map<By, List<KpiRow>> rows(Instant since, Set<By> bys) {
        Map<By, List<KpiRow>> out = new EnumMap<>(By.class);
        bys.forEach(by -> out.put(by, rows(since, by)));
        return out;
    }
}
