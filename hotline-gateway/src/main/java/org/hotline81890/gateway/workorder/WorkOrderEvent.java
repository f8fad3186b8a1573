package org.hotline81890.gateway.workorder;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One entry of a work order's append-only history: who did what, when, through which channel. */
public record WorkOrderEvent(long sequence, WorkOrderId workOrderId, Instant at, String actor, Channel channel,
                             Optional<WorkOrderState> from, WorkOrderState to, String details) {
    public WorkOrderEvent {
        Objects.requireNonNull(workOrderId, "workOrderId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        actor = actor == null || actor.isBlank() ? "system" : actor;
        details = details == null ? "" : details;
    }
}
