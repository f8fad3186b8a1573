package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.hotline81890.gateway.desk.ReviewQueue;
import org.hotline81890.gateway.workorder.WorkOrder;

/** The SMS inbox: {@code work_order} rows of channel SMS still RECEIVED, by {@code ix_work_order_state} (V1). */
public final class MySqlReviewQueue implements ReviewQueue {
    private static final String WHERE = " FROM work_order WHERE state = 'RECEIVED' AND channel = 'SMS'";
    private final Transactions tx;

    public MySqlReviewQueue(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<WorkOrder> waiting(int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + WorkOrderRows.COLUMNS + WHERE
                    + " ORDER BY created_at, id LIMIT ?")) {
                ps.setInt(1, limit);
                return WorkOrderRows.workOrders(ps);
            }
        });
    }

    @Override
    public int count() {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + WHERE);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
