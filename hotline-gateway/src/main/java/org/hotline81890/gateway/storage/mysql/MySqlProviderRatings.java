package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.hotline81890.gateway.dispatch.ProviderRatings;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.rating.SurveyTally;

/** {@link ProviderRatings} on MySQL ({@code provider_survey_score}, V6): one row per answer, tallied on read. */
public final class MySqlProviderRatings implements ProviderRatings {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private final Transactions tx;

    public MySqlProviderRatings(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Scores one survey answer for the provider; {@code version} is the work order's version after the answer, so
     * scoring the same answer again is a no-op. Returns whether it was new. No reply is not scored.
     */
    @Override
    public boolean record(WorkOrderId workOrder, int version, ProviderId provider, OfferId offer,
                          SurveyAnswer answer, Instant at) {
        if (!SurveyTally.counts(answer)) {
            return false;
        }
        return tx.inTransaction(c -> Sql.update(c, "INSERT IGNORE INTO provider_survey_score (work_order_id, "
                + "work_order_version, provider_id, offer_id, score, answered_at) VALUES (?,?,?,?,?,?)", ps -> {
                    ps.setLong(1, workOrder.value());
                    ps.setInt(2, version);
                    ps.setString(3, provider.value());
                    ps.setString(4, offer.value());
                    ps.setInt(5, SurveyTally.score(answer));
                    ps.setString(6, MILLIS.format(at));
                })) == 1;
    }

    /** Every provider's answers and score sum (providers without answers are absent). */
    @Override
    public Map<ProviderId, SurveyTally> tallies() {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id, COUNT(*), SUM(score) "
                    + "FROM provider_survey_score GROUP BY provider_id");
                 ResultSet rs = ps.executeQuery()) {
                Map<ProviderId, SurveyTally> out = new HashMap<>();
                while (rs.next()) {
                    out.put(ProviderId.of(rs.getString(1)), new SurveyTally(rs.getLong(2), rs.getLong(3)));
                }
                return out;
            }
        });
    }
}
