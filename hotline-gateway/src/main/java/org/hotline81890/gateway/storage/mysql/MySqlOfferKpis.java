package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.hotline81890.gateway.dispatch.SurveyOutcomes;
import org.hotline81890.gateway.supervision.OfferKpis;
import org.hotline81890.partners.kpi.KpiRow;
import org.hotline81890.partners.kpi.Rate;
import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * {@link OfferKpis} on MariaDB. The offers made since the instant are counted per group and 1 %-wide bucket of
 * offered → accepted time ({@code ix_offer_offered}; the percentiles as in {@link KpiTimesSql}), never loaded. The
 * survey outcomes (the history's, {@link MySqlOfferSurveys}; a range of V32's {@code ix_event_state_at}) pair with the
 * completed offers of their order in turn, the n-th outcome with the n-th completion, as the in-memory KPIs pair them:
 * only the completed offers' order, provider and category travel for that (doing the pairing with window functions in
 * SQL measured 3-4 times slower, {@code hotline-gateway/docs/kpi-sql.md}).
 */
public final class MySqlOfferKpis implements OfferKpis {
    private static final String OFFERS = """
            SELECT g, FLOOR(LN(GREATEST(1, ms)) / LN(1.01)) AS b, COUNT(*) AS offers, SUM(acc) AS accepted,
              SUM(st = 'DECLINED') AS declined, SUM(st = 'EXPIRED') AS expired, SUM(st = 'COMPLETED') AS completed,
              SUM(overdue) AS overdue, MAX(ms) AS top
            FROM (
              SELECT g, st, overdue, acc,
                IF(acc, TIMESTAMPDIFF(MICROSECOND, offered_at, answered_at) DIV 1000, NULL) AS ms
              FROM (
                SELECT %s AS g, o.state AS st, o.overdue, o.offered_at, o.answered_at,
                  (o.answered_at IS NOT NULL AND (o.state IN ('ACCEPTED', 'STARTED', 'COMPLETED')
                    OR (o.state = 'CANCELLED' AND o.finished_at IS NOT NULL))) AS acc
                FROM offer o WHERE o.offered_at >= ?
              ) y
            ) x GROUP BY g, b
            """;
    private static final String COMPLETED = "SELECT work_order, provider_id, service_code FROM offer "
            + "WHERE offered_at >= ? AND state = 'COMPLETED' ORDER BY offered_at, finished_at, id";
    private final Transactions tx;
    private final MySqlOfferSurveys outcomes;

    public MySqlOfferKpis(Transactions tx) {
        this.tx = tx;
        this.outcomes = new MySqlOfferSurveys(tx);
    }

    @Override
    public List<KpiRow> rows(Instant since, By by) {
        return rows(since, Set.of(by)).get(by);
    }

    @Override
    public Map<By, List<KpiRow>> rows(Instant since, Set<By> bys) {
        Map<By, Map<String, Tally>> groups = new EnumMap<>(By.class);
        // Each order's completed offers, each as {"all", its category, its provider}: its group in each grouping.
        Map<String, List<String[]>> completed = new HashMap<>();
        List<SurveyOutcomes.Answered> answered = tx.read(c -> {
            for (By by : bys) {
                Map<String, Tally> tallies = groups.computeIfAbsent(by, k -> new TreeMap<>());
                try (PreparedStatement ps = c.prepareStatement(OFFERS.formatted(switch (by) {
                    case ALL -> "'all'";
                    case CATEGORY -> "LEFT(o.service_code, 2)";
                    case PROVIDER -> "o.provider_id";
                }))) {
                    Sql.setInstant(ps, 1, since);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tallies.computeIfAbsent(rs.getString("g"), k -> new Tally()).add(rs);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(COMPLETED)) {
                Sql.setInstant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        completed.computeIfAbsent(rs.getString("work_order"), k -> new ArrayList<>())
                                .add(new String[] {"all", rs.getString("service_code").substring(0, 2),
                                    rs.getString("provider_id")});
                    }
                }
            }
            return outcomes.since(since);
        });
        Map<String, Integer> seen = new HashMap<>();
        for (SurveyOutcomes.Answered a : answered) {
            int n = seen.merge(a.workOrder(), 1, Integer::sum) - 1;
            List<String[]> done = completed.getOrDefault(a.workOrder(), List.of());
            if (n < done.size()) {
                String[] offer = done.get(n);
                groups.forEach((by, tallies) -> tallies.computeIfAbsent(switch (by) {
                    case ALL -> offer[0];
                    case CATEGORY -> offer[1];
                    case PROVIDER -> offer[2];
                }, k -> new Tally()).answered(a.answer()));
            }
        }
        Map<By, List<KpiRow>> out = new EnumMap<>(By.class);
        groups.forEach((by, tallies) -> {
            List<KpiRow> rows = new ArrayList<>();
            tallies.forEach((group, t) -> rows.add(t.row(group)));
            out.put(by, rows);
        });
        return out;
    }

    /** One group's counts; the offered → accepted times as 1 %-wide buckets (count, largest time). */
    private static final class Tally {
        int offers;
        int accepted;
        int declined;
        int expired;
        int completed;
        int overdue;
        int satisfied;
        int unsatisfied;
        int noReply;
        final TreeMap<Long, long[]> buckets = new TreeMap<>();

        void add(ResultSet rs) throws java.sql.SQLException {
            offers += rs.getInt("offers");
            accepted += rs.getInt("accepted");
            declined += rs.getInt("declined");
            expired += rs.getInt("expired");
            completed += rs.getInt("completed");
            overdue += rs.getInt("overdue");
            long top = rs.getLong("top");
            if (!rs.wasNull()) {
                long[] cell = buckets.computeIfAbsent(rs.getLong("b"), k -> new long[] {0, Long.MIN_VALUE});
                cell[0] += rs.getLong("accepted");
                cell[1] = Math.max(cell[1], top);
            }
        }

        void answered(SurveyAnswer answer) {
            switch (answer) {
                case SATISFIED, BASICALLY_SATISFIED -> satisfied++;
                case UNSATISFIED -> unsatisfied++;
                case NO_REPLY -> noReply++;
            }
        }

        KpiRow row(String group) {
            return new KpiRow(group, offers, new Rate(accepted + declined, accepted + declined + expired),
                    new Rate(completed, accepted), new Rate(satisfied, satisfied + unsatisfied), noReply, overdue,
                    at(50), at(90), at(99));
        }

        /** Nearest rank {@code ceil(p % × accepted)}: the largest time of the bucket that holds it. */
        Optional<Duration> at(int p) {
            return Buckets.atRank(buckets, Math.max(1, (long) Math.ceil(p / 100.0 * accepted)));
        }
    }
}
