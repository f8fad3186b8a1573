package org.hotline81890.gateway.workorder;

import java.util.Objects;

/**
 * A side effect to deliver once the change that caused it is committed: an SMS, a webhook, an originate. Written in
 * the same transaction as the state change (architecture rule 3). {@code dedupeKey} is unique: writing the same key
 * twice keeps one row, and receivers get it as the idempotency key.
 */
public record OutboxMessage(String kind, String destination, String payload, String dedupeKey) {
    public static final String SMS = "sms";
    public static final String WEBHOOK = "webhook";
    public static final String ORIGINATE = "originate";

    public OutboxMessage {
        requireText(kind, "kind", 32);
        requireText(destination, "destination", 512);
        requireText(dedupeKey, "dedupeKey", 191);
        Objects.requireNonNull(payload, "payload");
    }

    private static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("outbox " + field + " must be 1.." + max + " characters");
        }
    }
}
