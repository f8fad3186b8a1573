package org.hotline81890.gateway.workorder;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hotline81890.directory.RequestType;

/**
 * A work order about to be created: everything but the id, ticket and times, which the store assigns. Its creation
 * time is {@code receivedAt} when the channel knows when the resident's request arrived (a text acknowledged on the
 * SMS journal and processed later, ADR 0036), else the time the store writes it. Its ticket is {@code ticket} when
 * the resident was told one before the order existed (an SMS request's reply, ticket first, ADR 0047), else drawn.
 */
public record NewWorkOrder(String idempotencyKey, Channel channel, String callerNumber, RequestType requestType,
                           String text, Optional<String> serviceCode, Area area, Priority priority,
                           Deadlines deadlines, WorkOrderState state, Optional<Instant> receivedAt,
                           Optional<TicketNumber> ticket) {
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
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(ticket, "ticket");
        callerNumber = PhoneNumbers.normalise(callerNumber);
        text = text == null ? "" : text;
    }

    /** With a ticket drawn by the store. */
    public NewWorkOrder(String idempotencyKey, Channel channel, String callerNumber, RequestType requestType,
                        String text, Optional<String> serviceCode, Area area, Priority priority, Deadlines deadlines,
                        WorkOrderState state, Optional<Instant> receivedAt) {
        this(idempotencyKey, channel, callerNumber, requestType, text, serviceCode, area, priority, deadlines, state,
                receivedAt, Optional.empty());
    }

    /** Created when the store writes it. */
    public NewWorkOrder(String idempotencyKey, Channel channel, String callerNumber, RequestType requestType,
                        String text, Optional<String> serviceCode, Area area, Priority priority, Deadlines deadlines,
                        WorkOrderState state) {
        this(idempotencyKey, channel, callerNumber, requestType, text, serviceCode, area, priority, deadlines, state,
                Optional.empty());
    }

    /** The same order under another idempotency key (e.g. a later episode of an SMS's hash key). */
    public NewWorkOrder withIdempotencyKey(String key) {
        return new NewWorkOrder(key, channel, callerNumber, requestType, text, serviceCode, area, priority, deadlines,
                state, receivedAt, ticket);
    }
}
