package org.hotline81890.gateway.storage.mysql;

import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The KPI reads' 1 %-wide time buckets (ADR 0025): per bucket a count and the largest time in it, in bucket order.
 * {@link KpiTimesSql} and {@link MySqlOfferKpis} read their percentiles from them the same way.
 */
final class Buckets {
    private Buckets() {
    }

    /** The largest time of the bucket that holds the {@code rank}-th smallest time; empty past the last bucket. */
    static Optional<Duration> atRank(TreeMap<Long, long[]> buckets, long rank) {
        long seen = 0;
        for (long[] cell : buckets.values()) {
            seen += cell[0];
            if (seen >= rank) {
                return Optional.of(Duration.ofMillis(cell[1]));
            }
        }
        return Optional.empty();
    }
}
