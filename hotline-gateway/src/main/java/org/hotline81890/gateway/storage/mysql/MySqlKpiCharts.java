package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hotline81890.gateway.supervision.ChartFilter;
import org.hotline81890.gateway.supervision.KpiCharts;

/**
 * The KPI charts' counts over {@code work_order} in one range of {@code created_at} (V29 indexes it; the charts are
 * read on demand, not in a loop). The time percentiles and the providers' figures are {@link KpiTimesSql} and
 * {@link KpiProvidersSql}.
 */
public final class MySqlKpiCharts implements KpiCharts {
    private final Transactions tx;

    public MySqlKpiCharts(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<HourCount> requestsPerHour(ChartFilter f) {
        return tx.read(c -> {
            try (PreparedStatement ps = filtered(c, "SELECT HOUR(created_at + INTERVAL 8 HOUR) AS h, channel, "
                    + "COUNT(*) AS n FROM work_order", f, " GROUP BY h, channel ORDER BY h, channel");
                 ResultSet rs = ps.executeQuery()) {
                List<HourCount> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new HourCount(rs.getInt("h"), rs.getString("channel"), rs.getLong("n")));
                }
                return out;
            }
        });
    }

    @Override
    public List<HeatCell> heat(ChartFilter f) {
        return tx.read(c -> {
            try (PreparedStatement ps = filtered(c, "SELECT COALESCE(LEFT(service_code, 2), '') AS cat, "
                    + "COALESCE(district, '') AS d, COUNT(*) AS n FROM work_order", f,
                    " GROUP BY cat, d ORDER BY cat, d");
                 ResultSet rs = ps.executeQuery()) {
                List<HeatCell> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new HeatCell(rs.getString("cat"), rs.getString("d"), rs.getLong("n")));
                }
                return out;
            }
        });
    }

    @Override
    public FirstContact firstContact(ChartFilter f) {
        return tx.read(c -> {
            try (PreparedStatement ps = filtered(c, "SELECT COUNT(*) AS n, COALESCE(SUM(EXISTS(SELECT 1 FROM "
                    + "work_order_event e WHERE e.work_order_id = work_order.id AND e.to_state = 'ANSWERED')), 0) AS a "
                    + "FROM work_order", f, "");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new FirstContact(rs.getLong("n"), rs.getLong("a"));
            }
        });
    }

    @Override
    public List<RepeatCaller> repeatCallers(ChartFilter f, int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = filtered(c, "SELECT caller_number, COUNT(*) AS n FROM work_order", f,
                    " AND caller_number <> 'anonymous' GROUP BY caller_number HAVING n > 1 ORDER BY n DESC, "
                    + "caller_number LIMIT " + Math.max(1, Math.min(limit, 100)));
                 ResultSet rs = ps.executeQuery()) {
                List<RepeatCaller> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new RepeatCaller(rs.getString("caller_number"), rs.getLong("n")));
                }
                return out;
            }
        });
    }

    @Override
    public List<DaySatisfaction> satisfactionByDay(ChartFilter f) {
        return tx.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT DATE(s.answered_at + INTERVAL 8 HOUR) AS d, COUNT(*) AS n, "
                    + "COALESCE(SUM(s.score >= 4), 0) AS ok FROM provider_survey_score s JOIN work_order w ON "
                    + "w.id = s.work_order_id WHERE s.answered_at >= ? AND s.answered_at < ?");
            f.category().ifPresent(x -> sql.append(" AND w.service_code LIKE ?"));
            f.district().ifPresent(x -> sql.append(" AND w.district = ?"));
            try (PreparedStatement ps = c.prepareStatement(sql.append(" GROUP BY d ORDER BY d").toString())) {
                ChartFilterSql.bind(ps, 1, f);
                try (ResultSet rs = ps.executeQuery()) {
                    List<DaySatisfaction> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new DaySatisfaction(rs.getDate("d").toLocalDate(), rs.getLong("n"), rs.getLong("ok")));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public List<TimePercentiles> timePercentiles(ChartFilter f, Duration responseGoal, Duration completionGoal) {
        return tx.read(c -> KpiTimesSql.read(c, f, responseGoal, completionGoal));
    }

    @Override
    public List<ProviderFigures> providerFigures(ChartFilter f) {
        return tx.read(c -> KpiProvidersSql.read(c, f));
    }

    @Override
    public List<ProviderOffer> recentOffers(String provider, int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT w.ticket, o.service_code, o.state, o.offered_at, "
                    + "o.answered_at, o.finished_at, o.overdue FROM offer o JOIN work_order w ON w.id = o.work_order "
                    + "WHERE o.provider_id = ? ORDER BY o.offered_at DESC, o.id LIMIT " + Math.max(1, Math.min(limit,
                    200)))) {
                ps.setString(1, provider);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ProviderOffer> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ProviderOffer(rs.getString("ticket"), rs.getString("service_code"),
                                rs.getString("state"), Sql.instant(rs, "offered_at"),
                                Sql.optInstant(rs, "answered_at"), Sql.optInstant(rs, "finished_at"),
                                rs.getBoolean("overdue")));
                    }
                    return out;
                }
            }
        });
    }

    /** The filter as a WHERE clause with its parameters bound. */
    private static PreparedStatement filtered(Connection c, String select, ChartFilter f, String tail)
            throws SQLException {
        StringBuilder sql = new StringBuilder(select).append(" WHERE created_at >= ? AND created_at < ?");
        f.category().ifPresent(x -> sql.append(" AND service_code LIKE ?"));
        f.district().ifPresent(x -> sql.append(" AND district = ?"));
        PreparedStatement ps = c.prepareStatement(sql.append(tail).toString());
        ChartFilterSql.bind(ps, 1, f);
        return ps;
    }
}
