package org.hotline81890.gateway.supervision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;

/**
 * A 督办单: a formal supervision notice to a department about one work order, with a new deadline. OPEN until the
 * deadline; then ANSWERED when the order was done by then, MISSED (counted against the department) when not.
 */
public record SupervisionNotice(long id, WorkOrderId workOrder, ProviderId department, String issuedBy,
                                Instant issuedAt, Instant dueAt, String text, State state,
                                Optional<Instant> settledAt) {
    /** Where the notice stands. */
    public enum State { OPEN, ANSWERED, MISSED }

    public SupervisionNotice {
        Objects.requireNonNull(workOrder, "workOrder");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(settledAt, "settledAt");
        if (!dueAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a notice's deadline must be after it is issued");
        }
    }

    public SupervisionNotice settled(State to, Instant at) {
        return new SupervisionNotice(id, workOrder, department, issuedBy, issuedAt, dueAt, text, to,
                Optional.of(at));
    }
}
