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
import org.hotline81890.gateway.supervision.KpiCharts.ProviderFigures;

/**
 * Every provider's scorecard figures: its offers of the range (V29's offered_at index) counted per provider and
 * 1 %-wide bucket of accepted → completed time (the percentiles as in {@link KpiTimesSql}), the survey answers about
 * it given in the range, and the 督办单 issued to it. An offer accepted is one that reached ACCEPTED (a cancel after
 * acceptance keeps finished_at); one due an answer was accepted, declined or expired.
 */
final class KpiProvidersSql {
    private static final String OFFERS = """
            SELECT provider_id, FLOOR(LN(GREATEST(1, ms)) / LN(1.01)) AS b, COUNT(*) AS offers,
              SUM(acc OR st IN ('DECLINED', 'EXPIRED')) AS due, SUM(acc) AS accepted,
              SUM((acc OR st = 'DECLINED') AND answered_at <= accept_by) AS on_time,
              SUM(st = 'COMPLETED') AS completed, SUM(overdue) AS overdue, MAX(ms) AS top
            FROM (
              SELECT o.provider_id, o.state AS st, o.answered_at, o.accept_by, o.overdue,
                (o.state IN ('ACCEPTED', 'STARTED', 'COMPLETED')
                  OR (o.state = 'CANCELLED' AND o.finished_at IS NOT NULL)) AS acc,
                IF(o.state = 'COMPLETED', TIMESTAMPDIFF(MICROSECOND, o.answered_at, o.finished_at) DIV 1000, NULL) AS ms
              FROM offer o %s WHERE o.offered_at >= ? AND o.offered_at < ? %s
            ) x GROUP BY provider_id, b
            """;
    private static final String SURVEYS = """
            SELECT s.provider_id, SUM(s.score >= 4) AS ok, SUM(s.score < 4) AS bad
            FROM provider_survey_score s %s WHERE s.answered_at >= ? AND s.answered_at < ? %s GROUP BY s.provider_id
            """;
    private static final String NOTICES = """
            SELECT n.provider_id, COUNT(*) AS notices
            FROM supervision_notice n %s WHERE n.issued_at >= ? AND n.issued_at < ? %s GROUP BY n.provider_id
            """;

    private KpiProvidersSql() {
    }

    static List<ProviderFigures> read(Connection c, ChartFilter f) throws SQLException {
        boolean category = f.category().isPresent();
        boolean district = f.district().isPresent();
        String byOrder = (category ? " AND w.service_code LIKE ?" : "") + (district ? " AND w.district = ?" : "");
        Map<String, Tally> all = new TreeMap<>();
        query(c, f, OFFERS.formatted(district ? "JOIN work_order w ON w.id = o.work_order" : "",
                (category ? " AND o.service_code LIKE ?" : "") + (district ? " AND w.district = ?" : "")), rs -> {
                    Tally t = all.computeIfAbsent(rs.getString("provider_id"), k -> new Tally());
                    t.offers += rs.getLong("offers");
                    t.due += rs.getLong("due");
                    t.accepted += rs.getLong("accepted");
                    t.onTime += rs.getLong("on_time");
                    t.completed += rs.getLong("completed");
                    t.overdue += rs.getLong("overdue");
                    long b = rs.getLong("b");
                    if (!rs.wasNull()) {
                        long[] cell = t.buckets.computeIfAbsent(b, k -> new long[2]);
                        cell[0] += rs.getLong("completed");
                        cell[1] = Math.max(cell[1], rs.getLong("top"));
                    }
                });
        String joinOrder = category || district ? "JOIN work_order w ON w.id = %s.work_order_id" : "";
        query(c, f, SURVEYS.formatted(joinOrder.formatted("s"), byOrder), rs -> {
            Tally t = all.computeIfAbsent(rs.getString("provider_id"), k -> new Tally());
            t.satisfied = rs.getLong("ok");
            t.unsatisfied = rs.getLong("bad");
        });
        query(c, f, NOTICES.formatted(joinOrder.formatted("n"), byOrder),
                rs -> all.computeIfAbsent(rs.getString("provider_id"), k -> new Tally()).notices = rs.getLong(2));
        Map<String, String[]> names = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind FROM provider");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        List<ProviderFigures> out = new ArrayList<>();
        all.forEach((id, t) -> {
            String[] n = names.getOrDefault(id, new String[] {id, ""});
            out.add(new ProviderFigures(id, n[0], n[1], t.offers, t.due, t.accepted, t.onTime, t.completed,
                    t.at(0.5), t.at(0.9), t.satisfied, t.unsatisfied, t.overdue, t.notices));
        });
        return out;
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, ChartFilter f, String sql, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ChartFilterSql.bind(ps, 1, f);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** One provider's counts; the completion buckets as in {@link KpiTimesSql}. */
    private static final class Tally {
        long offers;
        long due;
        long accepted;
        long onTime;
        long completed;
        long overdue;
        long satisfied;
        long unsatisfied;
        long notices;
        final TreeMap<Long, long[]> buckets = new TreeMap<>();

        Optional<Duration> at(double p) {
            long rank = (long) Math.ceil(p * completed);
            long seen = 0;
            for (long[] cell : buckets.values()) {
                seen += cell[0];
                if (seen >= rank && rank > 0) {
                    return Optional.of(Duration.ofMillis(cell[1]));
                }
            }
            return Optional.empty();
        }
    }
}
