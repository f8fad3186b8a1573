package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.HeldJobs;

/**
 * The held jobs in {@code order_hold} (V30): one row per held work order, counted on {@code ix_order_hold_at}. A
 * decision to hold takes the row lock of {@code order_hold_turn}'s one row, which lasts until its transaction (the
 * work order's dispatch) commits: the next decision sees this one's hold, on any node.
 */
public final class MySqlHeldJobs implements HeldJobs {
    private final Transactions tx;

    public MySqlHeldJobs(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Map<ProviderId, Integer> offeredBy(Instant at) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id, COUNT(*) AS n FROM order_hold "
                    + "WHERE offer_at <= ? GROUP BY provider_id")) {
                Sql.setInstant(ps, 1, at);
                Map<ProviderId, Integer> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(ProviderId.of(rs.getString("provider_id")), rs.getInt("n"));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void hold(WorkOrderRef workOrder, ProviderId provider, Instant offerAt) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_hold (work_order, provider_id, offer_at) "
                    + "VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE provider_id = VALUES(provider_id), "
                    + "offer_at = VALUES(offer_at)")) {
                ps.setString(1, workOrder.value());
                ps.setString(2, provider.value());
                Sql.setInstant(ps, 3, offerAt);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void release(WorkOrderRef workOrder) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_hold WHERE work_order = ?")) {
                ps.setString(1, workOrder.value());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public <T> T exclusively(Supplier<T> decision) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM order_hold_turn WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            return decision.get();
        });
    }
}
