package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.Objects;

/** A deadline a new offer needs (its accept-by, a transfer's handle-by, a reminder), stored with the offer. */
public record OfferArm(String subjectType, long subjectId, String kind, Instant dueAt) {
    public OfferArm {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
