package org.hotline81890.gateway.workorder;

/** A broken invariant: some code asked for a state change the lifecycle table forbids. */
public final class IllegalTransitionException extends RuntimeException {
    private final WorkOrderState from;
    private final WorkOrderState to;

    public IllegalTransitionException(WorkOrderState from, WorkOrderState to) {
        super("illegal work-order transition " + from + " -> " + to + " (allowed from " + from + ": "
                + from.next() + ")");
        this.from = from;
        this.to = to;
    }

    public WorkOrderState from() {
        return from;
    }

    public WorkOrderState to() {
        return to;
    }
}
