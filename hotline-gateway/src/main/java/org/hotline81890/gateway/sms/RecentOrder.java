package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * One of a caller's orders as the reply window sees it: its state, its service, when it last changed (for an order
 * COMPLETED or ANSWERED, when its survey was asked) and when its survey was last answered (its newest SURVEYED
 * event), if ever.
 */
public record RecentOrder(WorkOrderId id, TicketNumber ticket, WorkOrderState state, Optional<String> serviceCode,
                          Instant createdAt, Instant updatedAt, Optional<Instant> answeredAt) {
    public RecentOrder {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    /** Its survey was asked (COMPLETED, or ANSWERED at first contact) and is not answered yet. */
    public boolean awaitingSurvey() {
        return state == WorkOrderState.COMPLETED || state == WorkOrderState.ANSWERED;
    }
}
