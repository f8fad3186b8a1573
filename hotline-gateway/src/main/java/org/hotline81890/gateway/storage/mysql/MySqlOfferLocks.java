package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;

/**
 * The per-work-order lock the partner network holds while it decides about offers (dispatch, expiry, a provider's
 * answer): a row in {@code partner_work_lock} selected FOR UPDATE, so two gateway nodes never make two offers for
 * one work order. The work inside runs on other connections (it may move the work order, which takes that row's
 * own lock), so this one only waits and holds.
 */
public final class MySqlOfferLocks {
    private final Transactions tx;

    public MySqlOfferLocks(Transactions tx) {
        this.tx = tx;
    }

    public <T> T withLock(String workOrder, Supplier<T> work) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO partner_work_lock (work_order) VALUES (?)")) {
                ps.setString(1, workOrder);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT work_order FROM partner_work_lock WHERE work_order=? FOR UPDATE")) {
                ps.setString(1, workOrder);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            return work.get();
        });
    }
}
