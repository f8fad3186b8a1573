package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hotline81890.gateway.supervision.ChartFilter;
import org.hotline81890.gateway.supervision.KpiCharts.By;
import org.hotline81890.gateway.supervision.KpiCharts.Measure;
import org.hotline81890.gateway.supervision.KpiCharts.TimePercentiles;

/**
 * Response and completion time percentiles (ADR 0025). The database counts the orders of the range (V29's covering
 * index: created_at, category, district, responded_at, completed_at) per Beijing day, category and a logarithmic
 * bucket 1 % wide, with the largest time in each bucket and how many met the goal; the percentile is the largest time
 * of the bucket that holds the nearest rank. So a percentile is a time some order really took, at most 1 % above the
 * exact nearest-rank value (exact when its bucket holds one time). Sorting every order instead (ROW_NUMBER) took
 * 25-55 s for a week of 60,000 orders a day on the shared machine; this takes 2-3 s.
 */
final class KpiTimesSql {
    private static final String PART = """
            SELECT '%1$s' AS m, DATE(created_at + INTERVAL 8 HOUR) AS d, COALESCE(LEFT(service_code, 2), '') AS cat,
              FLOOR(LN(GREATEST(1, ms)) / LN(1.01)) AS b, COUNT(*) AS n, MAX(ms) AS top,
              COALESCE(SUM(ms <= ?), 0) AS within_goal
            FROM (SELECT created_at, service_code,
                    TIMESTAMPDIFF(MICROSECOND, created_at, %2$s) DIV 1000 AS ms
                  FROM work_order WHERE created_at >= ? AND created_at < ? %3$s) t
            GROUP BY d, cat, b
            """;

    private KpiTimesSql() {
    }

    static List<TimePercentiles> read(Connection c, ChartFilter f, Duration responseGoal, Duration completionGoal)
            throws SQLException {
        StringBuilder where = new StringBuilder();
        f.category().ifPresent(x -> where.append(" AND service_code LIKE ?"));
        f.district().ifPresent(x -> where.append(" AND district = ?"));
        String sql = PART.formatted("R", "responded_at", where) + " UNION ALL "
                + PART.formatted("C", "completed_at", where);
        Map<String, Groups> by = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Duration goal : List.of(responseGoal, completionGoal)) {
                ps.setLong(i++, goal.toMillis());
                i = ChartFilterSql.bind(ps, i, f);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Groups g = by.computeIfAbsent(rs.getString("m"), k -> new Groups());
                    long bucket = rs.getLong("b");
                    Optional<Long> b = rs.wasNull() ? Optional.empty() : Optional.of(bucket);
                    long n = rs.getLong("n");
                    long top = rs.getLong("top");
                    long within = rs.getLong("within_goal");
                    g.days.computeIfAbsent(rs.getString("d"), k -> new Histogram()).add(b, n, top, within);
                    g.categories.computeIfAbsent(rs.getString("cat"), k -> new Histogram()).add(b, n, top, within);
                }
            }
        }
        List<TimePercentiles> out = new ArrayList<>();
        for (String m : List.of("R", "C")) {
            Groups g = by.getOrDefault(m, new Groups());
            Measure measure = m.equals("R") ? Measure.RESPONSE : Measure.COMPLETION;
            g.days.forEach((k, h) -> out.add(h.percentiles(measure, By.DAY, k)));
            g.categories.forEach((k, h) -> out.add(h.percentiles(measure, By.CATEGORY, k)));
        }
        return out;
    }

    private static final class Groups {
        final Map<String, Histogram> days = new TreeMap<>();
        final Map<String, Histogram> categories = new TreeMap<>();
    }

    /** One group's buckets: count and largest time per bucket; orders that never got there apart. */
    private static final class Histogram {
        final TreeMap<Long, long[]> buckets = new TreeMap<>();
        long orders;
        long reached;
        long within;

        void add(Optional<Long> bucket, long n, long top, long withinGoal) {
            orders += n;
            within += withinGoal;
            if (bucket.isEmpty()) {
                return;
            }
            reached += n;
            long[] cell = buckets.computeIfAbsent(bucket.get(), k -> new long[2]);
            cell[0] += n;
            cell[1] = Math.max(cell[1], top);
        }

        TimePercentiles percentiles(Measure m, By by, String key) {
            return new TimePercentiles(m, by, key, orders, reached, within, at(0.5), at(0.9), at(0.99));
        }

        /** The largest time of the bucket holding the nearest rank ceil(p * reached). */
        private Optional<Duration> at(double p) {
            return Buckets.atRank(buckets, (long) Math.ceil(p * reached));
        }
    }
}
