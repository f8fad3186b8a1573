package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        return tx.read(c -> {
            try (PreparedStatement open = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(complete_by < ?), 0) "
                    + "FROM work_order WHERE state IN " + OPEN);
                 PreparedStatement today = c.prepareStatement("SELECT COUNT(*) FROM work_order WHERE created_at >= ?");
                 PreparedStatement texts = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE kind = 'sms' AND "
                    + "created_at >= ? AND dedupe_key LIKE 'sms-reply:%'")) {
                Sql.setInstant(open, 1, now);
                Sql.setInstant(today, 1, dayStart);
                Sql.setInstant(texts, 1, dayStart);
                try (ResultSet a = open.executeQuery();
                     ResultSet b = today.executeQuery();
                     ResultSet t = texts.executeQuery()) {
                    a.next();
                    b.next();
                    t.next();
                    return new Counts(a.getLong(1), a.getLong(2), b.getLong(1), t.getLong(1));
                }
            }
        });
    }
}
