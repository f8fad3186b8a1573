package org.hotline81890.gateway.workorder;

import java.util.Objects;
import java.util.Optional;
import org.hotline81890.directory.RequestType;

/** A work order about to be created: everything but the id, ticket and times, which the store assigns. */
public record NewWorkOrder(String idempotencyKey, Channel channel, String callerNumber, RequestType requestType,
                           String text, Optional<String> serviceCode, Area area, Priority priority,
                           Deadlines deadlines, WorkOrderState state) {
    public NewWorkOrder {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 191) {
            throw new IllegalArgumentException("idempotency key must be 1..191 characters");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(state, "state");
        callerNumber = PhoneNumbers.normalise(callerNumber);
        text = text == null ? "" : text;
    }

    /** The same order under another idempotency key (e.g. a later episode of an SMS's hash key). */
    public NewWorkOrder withIdempotencyKey(String key) {
        return new NewWorkOrder(key, channel, callerNumber, requestType, text, serviceCode, area, priority, deadlines,
                state);
    }
}
