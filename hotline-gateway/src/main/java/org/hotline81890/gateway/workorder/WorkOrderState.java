package org.hotline81890.gateway.workorder;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The work-order lifecycle of ARCHITECTURE.md. This enum holds the one transition table: every change of state in
 * the system is checked here, and an illegal one is an error, never a no-op.
 */
public enum WorkOrderState {
    RECEIVED, MATCHED, ANSWERED, OFFERED, ACCEPTED, COMPLETED, SURVEYED, CLOSED, ESCALATED, REOPENED, CANCELLED;

    private static final Map<WorkOrderState, Set<WorkOrderState>> NEXT = Map.ofEntries(
            Map.entry(RECEIVED, EnumSet.of(MATCHED, ANSWERED, ESCALATED, CANCELLED)),
            Map.entry(MATCHED, EnumSet.of(MATCHED, OFFERED, ANSWERED, ESCALATED, CANCELLED)),
            // OFFERED -> OFFERED: declined or timed out, offered to the next candidate.
            Map.entry(OFFERED, EnumSet.of(OFFERED, ACCEPTED, ESCALATED, CANCELLED)),
            // ACCEPTED -> OFFERED: the provider dropped the job and it goes to the next candidate.
            Map.entry(ACCEPTED, EnumSet.of(COMPLETED, OFFERED, ESCALATED, CANCELLED)),
            // COMPLETED -> CLOSED: the resident did not answer the survey in time ("no reply"). COMPLETED/ANSWERED ->
            // REOPENED: an agent reopens it on the resident's word ("还在漏") without a survey answer (ADR 0024).
            // COMPLETED/ANSWERED -> ESCALATED: that word, held for an agent, was not decided in time (ADR 0049).
            Map.entry(COMPLETED, EnumSet.of(SURVEYED, CLOSED, ESCALATED, REOPENED)),
            Map.entry(ANSWERED, EnumSet.of(SURVEYED, CLOSED, ESCALATED, REOPENED)),
            Map.entry(SURVEYED, EnumSet.of(CLOSED, REOPENED)),
            Map.entry(REOPENED, EnumSet.of(MATCHED, OFFERED, ESCALATED, CANCELLED)),
            // ESCALATED: a supervisor (督办) takes over and may send it anywhere it can still go (REOPENED: reopened
            // by the supervisor, dispatched again never to whoever did the work before).
            Map.entry(ESCALATED, EnumSet.of(MATCHED, OFFERED, ACCEPTED, ANSWERED, COMPLETED, CLOSED, CANCELLED,
                    REOPENED)),
            Map.entry(CLOSED, EnumSet.noneOf(WorkOrderState.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(WorkOrderState.class)));

    public boolean canMoveTo(WorkOrderState target) {
        return NEXT.get(this).contains(target);
    }

    /** Throws {@link IllegalTransitionException} unless the table allows {@code this -> target}. */
    public WorkOrderState moveTo(WorkOrderState target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }

    public Set<WorkOrderState> next() {
        return Set.copyOf(NEXT.get(this));
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
