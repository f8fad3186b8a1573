package org.hotline81890.gateway.workorder;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hotline81890.directory.RequestType;

/** One resident request, followed from intake until it is closed. Immutable; changes go through the store. */
public record WorkOrder(WorkOrderId id, TicketNumber ticket, String idempotencyKey, Channel channel,
                        String callerNumber, RequestType requestType, String text, Optional<String> serviceCode,
                        Area area, Priority priority, Deadlines deadlines, WorkOrderState state,
                        Instant createdAt, Instant updatedAt, int version) {
    public WorkOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticket, "ticket");
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

    public WorkOrder withState(WorkOrderState next, Instant at) {
        return new WorkOrder(id, ticket, idempotencyKey, channel, callerNumber, requestType, text, serviceCode, area,
                priority, deadlines, state.moveTo(next), createdAt, at, version + 1);
    }

    public WorkOrder withDeadlines(Deadlines next) {
        return new WorkOrder(id, ticket, idempotencyKey, channel, callerNumber, requestType, text, serviceCode, area,
                priority, next, state, createdAt, updatedAt, version);
    }

    public WorkOrder withAddress(String address) {
        Area a = new Area(area.district(), area.street(), area.community(), area.grid(), Optional.of(address));
        return new WorkOrder(id, ticket, idempotencyKey, channel, callerNumber, requestType, text, serviceCode, a,
                priority, deadlines, state, createdAt, updatedAt, version);
    }

    /** The place as the resident gave it after the request (the address question's answer). */
    public WorkOrder withArea(Area where) {
        return new WorkOrder(id, ticket, idempotencyKey, channel, callerNumber, requestType, text, serviceCode, where,
                priority, deadlines, state, createdAt, updatedAt, version);
    }

    public WorkOrder withService(String code, RequestType type, Priority newPriority) {
        return new WorkOrder(id, ticket, idempotencyKey, channel, callerNumber, type, text, Optional.of(code), area,
                newPriority, deadlines, state, createdAt, updatedAt, version);
    }

    /** What an agent decided at the desk: the request in words, its type, service, urgency, area and deadlines. */
    public WorkOrder reclassified(String newText, RequestType type, String code, Priority newPriority, Area newArea,
                                  Deadlines newDeadlines) {
        return new WorkOrder(id, ticket, idempotencyKey, channel, callerNumber, type, newText, Optional.of(code),
                newArea, newPriority, newDeadlines, state, createdAt, updatedAt, version);
    }
}
