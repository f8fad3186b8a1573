package org.hotline81890.gateway.workorder;

/** What became of a request at intake. */
public sealed interface IntakeResult {
    /** A new work order was committed. */
    record Accepted(WorkOrder workOrder) implements IntakeResult {
    }

    /** The idempotency key was seen before: this is the work order it made then. */
    record Duplicate(WorkOrder workOrder) implements IntakeResult {
    }

    /** Nothing was stored, for the reason given (said to the resident or the API client). */
    record Refused(String reason) implements IntakeResult {
    }
}
