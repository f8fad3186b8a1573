package org.hotline81890.gateway.storage.mysql;

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
        return tx.read(c -> Sql.list(c, "SELECT " + WorkOrderRows.COLUMNS + WHERE + " ORDER BY created_at, id LIMIT ?",
                ps -> ps.setInt(1, limit), WorkOrderRows::workOrder));
    }

    @Override
    public int count() {
        return tx.read(c -> Sql.first(c, "SELECT COUNT(*)" + WHERE, Sql.NONE, rs -> rs.getInt(1)).orElseThrow());
    }
}
