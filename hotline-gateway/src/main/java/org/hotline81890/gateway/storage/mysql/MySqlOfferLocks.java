package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.hotline81890.gateway.workorder.StorageUnavailableException;

/**
 * The per-work-order lock the partner network holds while it decides about offers (dispatch, expiry, a provider's
 * answer): a row in {@code partner_work_lock} locked
 * exclusively (inserted or, if present, updated in place), so two gateway nodes never make two offers for
 * one work order. The work inside runs on other connections (it may move the work order, which takes that row's
 * own lock), so this one only waits and holds. Because every holder needs a second connection from the same pool,
 * at most {@code holders} locks are held at once in this process: without that bound, a burst of dispatches
 * could take every pooled connection for locks and starve the work inside until the pool's timeout.
 */
public final class MySqlOfferLocks {
    private final Transactions tx;
    private final Semaphore holders;

    /** {@code holders}: how many locks this process holds at once; keep it well below the pool size. */
    public MySqlOfferLocks(Transactions tx, int holders) {
        this.tx = tx;
        this.holders = new Semaphore(holders, true);
    }

    public <T> T withLock(String workOrder, Supplier<T> work) {
        try {
            holders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted waiting for the partner lock of " + workOrder, e);
        }
        try {
            return locked(workOrder, work);
        } finally {
            holders.release();
        }
    }

    private <T> T locked(String workOrder, Supplier<T> work) {
        return tx.inTransaction(c -> {
            // One round trip: the insert creates the row the first time, and on a duplicate the no-op update takes
            // the existing row's exclusive lock, as SELECT ... FOR UPDATE would.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_work_lock (work_order) VALUES (?) "
                    + "ON DUPLICATE KEY UPDATE work_order=work_order")) {
                ps.setString(1, workOrder);
                ps.executeUpdate();
            }
            return work.get();
        });
    }
}
