package org.hotline81890.gateway.delivery;

/** What the other side said about one outbox row. */
public sealed interface DeliveryOutcome {
    /** The other side confirmed; the row is done. */
    record Confirmed(String detail) implements DeliveryOutcome {
    }

    /** A transient failure (timeout, throttling, 5xx): try again with backoff. */
    record Retry(String reason) implements DeliveryOutcome {
    }

    /** A permanent failure (4xx, unknown number): give up and keep it for a human. */
    record Rejected(String reason) implements DeliveryOutcome {
    }
}
