package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import org.hotline81890.gateway.supervision.OrderCounts;

/** Counts over {@code work_order} for the wallboard (its state and created_at indexes). */
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
                 PreparedStatement today = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(channel = 'SMS'), 0) "
                    + "FROM work_order WHERE created_at >= ?")) {
                Sql.setInstant(open, 1, now);
                Sql.setInstant(today, 1, dayStart);
                try (ResultSet a = open.executeQuery(); ResultSet b = today.executeQuery()) {
                    a.next();
                    b.next();
                    return new Counts(a.getLong(1), a.getLong(2), b.getLong(1), b.getLong(2));
                }
            }
        });
    }
}
