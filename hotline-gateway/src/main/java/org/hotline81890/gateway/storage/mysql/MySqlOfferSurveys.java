package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.dispatch.SurveyOutcomes;

/**
 * Survey outcomes as the work-order history records them (the survey use case writes "survey answer: 满意" on
 * SURVEYED, the scheduler "no reply" on CLOSED): the partner network's KPIs read them back from there rather than
 * keeping a second copy.
 */
public final class MySqlOfferSurveys implements SurveyOutcomes {
    private final Transactions tx;

    public MySqlOfferSurveys(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Answered> since(Instant since) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT work_order_id, at, to_state, details "
                    + "FROM work_order_event WHERE at>=? AND (to_state='SURVEYED' "
                    + "OR (to_state='CLOSED' AND details LIKE '%no reply%')) ORDER BY id")) {
                Sql.setInstant(ps, 1, since);
                List<Answered> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<SurveyAnswer> answer = answer(rs.getString("to_state"), rs.getString("details"));
                        if (answer.isPresent()) {
                            out.add(new Answered(Long.toString(rs.getLong("work_order_id")), Sql.instant(rs, "at"),
                                    answer.get()));
                        }
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Map<String, Integer> escalatedWithoutOffer(Instant since) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT w.service_code, COUNT(DISTINCT w.id) AS n "
                    + "FROM work_order_event e JOIN work_order w ON w.id=e.work_order_id "
                    + "WHERE e.at>=? AND e.to_state='ESCALATED' "
                    + "AND NOT EXISTS (SELECT 1 FROM offer o "
                    + "WHERE o.work_order=CAST(w.id AS CHAR) COLLATE utf8mb4_unicode_ci) "
                    + "GROUP BY w.service_code")) {
                Sql.setInstant(ps, 1, since);
                Map<String, Integer> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString("service_code");
                        String category = code == null || code.length() < 2 ? "-" : code.substring(0, 2);
                        out.merge(category, rs.getInt("n"), Integer::sum);
                    }
                }
                return out;
            }
        });
    }

    static Optional<SurveyAnswer> answer(String toState, String details) {
        if (toState.equals("CLOSED")) {
            return Optional.of(SurveyAnswer.NO_REPLY);
        }
        String prefix = "survey answer: ";
        int at = details.indexOf(prefix);
        if (at < 0) {
            return Optional.empty();
        }
        return SurveyAnswer.ofChinese(details.substring(at + prefix.length())).filter(SurveyAnswer::isAnswer);
    }
}
