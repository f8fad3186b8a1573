package org.hotline81890.gateway.dispatch;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * Driven port: the per-work-order lock the partner network holds while it decides about offers (dispatch, expiry, a
 * provider's answer). The whole decision runs in one unit of work with the work order locked, so two gateway nodes
 * never make two offers for one work order.
 */
public interface OfferLocks {
    /** Locks the work order and runs {@code work} with it as locked (empty when there is no such work order). */
    <T> T withWorkOrder(WorkOrderId id, Function<Optional<WorkOrder>, T> work);

    /** Runs {@code work} as one unit, for a decision that must read something to know which order to lock. */
    <T> T inOneTransaction(Supplier<T> work);

    /** {@link #withWorkOrder} for callers that hold the work order's id as text (an offer's reference). */
    default <T> T withLock(String workOrder, Supplier<T> work) {
        return withWorkOrder(new WorkOrderId(Long.parseLong(workOrder)), w -> work.get());
    }
}
