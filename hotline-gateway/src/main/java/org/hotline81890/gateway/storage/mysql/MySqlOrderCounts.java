package org.hotline81890.gateway.storage.mysql;

import java.time.Instant;

import org.hotline81890.gateway.supervision.OrderCounts;

/**
 * Counts for the wallboard over {@code work_order} (its state and created_at indexes), and the texts received today:
 * every text the SMS channel accepts gets its own reply row in the outbox ({@code sms-reply:…}, issue 20), whatever
 * it was (a new request, a survey digit, a provider's 接单, 查询, TD), so the day's reply rows count them
 * ({@code ix_outbox_kind_created}).
 */
public final class MySqlOrderCounts implements OrderCounts {
    private static final String OPEN = "('RECEIVED','MATCHED','OFFERED','ACCEPTED','ESCALATED','REOPENED')";
    private final Transactions tx;

    public MySqlOrderCounts(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Counts counts(Instant dayStart, Instant now) {
        record Open(long all, long late) {
        }
        return tx.read(c -> {
            Open open = Sql.first(c, "SELECT COUNT(*), COALESCE(SUM(complete_by < ?), 0) FROM work_order "
                    + "WHERE state IN " + OPEN, ps -> Sql.setInstant(ps, 1, now),
                    rs -> new Open(rs.getLong(1), rs.getLong(2))).orElseThrow();
            long today = Sql.first(c, "SELECT COUNT(*) FROM work_order WHERE created_at >= ?",
                    ps -> Sql.setInstant(ps, 1, dayStart), rs -> rs.getLong(1)).orElseThrow();
            long texts = Sql.first(c, "SELECT COUNT(*) FROM outbox WHERE kind = 'sms' AND created_at >= ? "
                    + "AND dedupe_key LIKE 'sms-reply:%'", ps -> Sql.setInstant(ps, 1, dayStart),
                    rs -> rs.getLong(1)).orElseThrow();
            return new Counts(open.all(), open.late(), today, texts);
        });
    }
}
