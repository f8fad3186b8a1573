package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.dispatch.OfferLocks;

/**
 * The per-work-order lock the partner network holds while it decides about offers (dispatch, expiry, a provider's
 * answer): the work order's own row, read {@code FOR UPDATE} at the start of ONE transaction in which the whole
 * decision runs. Everything the work does through the same {@link Transactions} (offer insert, deadlines, the work
 * order's move, its outbox rows) joins that transaction, so a decision is one pooled connection and one commit, and
 * two gateway nodes never make two offers for one work order: the database is the arbiter. The lock is the same row
 * lock every other move of the work order takes, so a tracker move elsewhere simply waits its turn.
 *
 * <p>At most {@code holders} decisions run at once in this process, so a burst of dispatches cannot take every
 * pooled connection from intake and the partner API.
 */
public final class MySqlOfferLocks implements OfferLocks {
    private final Transactions tx;
    private final Semaphore holders;

    /** {@code holders}: how many locked decisions run at once in this process; keep it below the pool size. */
    public MySqlOfferLocks(Transactions tx, int holders) {
        this.tx = tx;
        this.holders = new Semaphore(holders, true);
    }

    /**
     * Locks the work order's row and runs {@code work} in the same transaction with the row as locked (empty when
     * there is no such work order; the work then runs without a lock, as there is nothing to decide about).
     */
    @Override
    public <T> T withWorkOrder(WorkOrderId id, Function<Optional<WorkOrder>, T> work) {
        return inOneTransaction(() -> tx.inTransaction(c -> work.apply(lock(c, id))));
    }

    /**
     * Runs {@code work} in one transaction (counted as a holder), for a decision that must read something (an offer)
     * to know which work order to lock: the lock taken inside with {@link #withWorkOrder} joins it. Joins the
     * caller's transaction if there is one.
     */
    @Override
    public <T> T inOneTransaction(Supplier<T> work) {
        if (tx.inTransaction()) {
            return work.get();
        }
        try {
            holders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted waiting to decide about a work order", e);
        }
        try {
            return tx.inTransaction(c -> work.get());
        } finally {
            holders.release();
        }
    }

    private Optional<WorkOrder> lock(Connection c, WorkOrderId id) throws SQLException {
        Optional<WorkOrder> held = tx.remembered(new LockedWorkOrder(id), WorkOrder.class);
        if (held.isPresent()) {
            return held;
        }
        Optional<WorkOrder> w = Sql.first(c, "SELECT " + WorkOrderRows.COLUMNS
                + " FROM work_order WHERE id=? FOR UPDATE", ps -> ps.setLong(1, id.value()), WorkOrderRows::workOrder);
        w.ifPresent(row -> tx.remember(new LockedWorkOrder(id), row));
        return w;
    }
}
