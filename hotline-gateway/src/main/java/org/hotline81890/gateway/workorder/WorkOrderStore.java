package org.hotline81890.gateway.workorder;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Driven port: where work orders, their history and their outbox rows live. Every write is one transaction: the
 * work order, its events and its outbox rows commit together or not at all.
 */
public interface WorkOrderStore {

    /**
     * Creates the work order unless one with the same idempotency key exists, in which case that one is returned
     * untouched. {@code effects} sees the stored order (id and ticket assigned) and returns the outbox rows to
     * write in the same transaction.
     */
    Created create(NewWorkOrder order, List<EventDraft> events, Function<WorkOrder, List<OutboxMessage>> effects);

    /**
     * Locks the work order, lets {@code change} decide, and writes the result: the new row, one event and the
     * outbox rows, in one transaction. {@code Optional.empty()} from the function means "nothing to do".
     *
     * @return the work order as it is after the call
     * @throws java.util.NoSuchElementException when there is no such work order
     */
    WorkOrder update(WorkOrderId id, Function<WorkOrder, Optional<Change>> change);

    Optional<WorkOrder> find(WorkOrderId id);

    /**
     * Runs {@code action} once the caller's enclosing transaction has committed, when the store takes part in one
     * (a use case that moves a work order as one step of a larger unit), else now. What others may see of a change
     * (the live view) goes through here, so nothing shows a move that is rolled back.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    Optional<WorkOrder> findByTicket(TicketNumber ticket);

    Optional<WorkOrder> findByIdempotencyKey(String key);

    /** The order whose idempotency key starts with {@code prefix} (a key scoped by its sender, then its request). */
    Optional<WorkOrder> findByIdempotencyKeyPrefix(String prefix);

    List<WorkOrderEvent> history(WorkOrderId id);

    List<WorkOrder> listByState(WorkOrderState state, int limit);

    List<WorkOrder> listByCaller(String callerNumber, int limit);

    /** The outcome of {@link #create}: {@code fresh} is false when the idempotency key was already known. */
    record Created(WorkOrder workOrder, boolean fresh) {
    }

    /** A change decided by a use case: the next version of the order, what to record, what to send. */
    record Change(WorkOrder next, EventDraft event, List<OutboxMessage> outbox) {
        public Change {
            if (next.state() != event.to()) {
                throw new IllegalArgumentException("event target " + event.to() + " differs from " + next.state());
            }
            outbox = List.copyOf(outbox);
        }
    }
}
