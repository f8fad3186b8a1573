package org.hotline81890.gateway.desk;

import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;

/** What became of a submitted ticket form. */
public sealed interface TicketResult {
    /** Done; {@code correction} says what the matcher learnt when the agent chose another service than its first. */
    record Done(WorkOrder order, Optional<String> correction) implements TicketResult {
    }

    /** The form is not acceptable; nothing changed. {@code field} names the form field. */
    record Refused(String field, String reason) implements TicketResult {
    }

    /** No order with that ticket. */
    record NotFound() implements TicketResult {
    }

    /** The order has moved on (already dispatched, answered or closed); nothing changed. */
    record NotOpen(WorkOrderState state) implements TicketResult {
    }
}
