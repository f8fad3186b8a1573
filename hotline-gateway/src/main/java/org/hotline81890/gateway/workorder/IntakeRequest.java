package org.hotline81890.gateway.workorder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hotline81890.directory.RequestType;

/**
 * A request arriving from a channel. {@code idempotencyKey} is the channel's own key (SMSC message id, Asterisk
 * uniqueid, Idempotency-Key header), prefixed by the channel so keys of different channels never meet.
 * {@code acknowledgement} builds the outbox rows (e.g. the SMS reply with the ticket) once the order exists.
 */
public record IntakeRequest(String idempotencyKey, Channel channel, String callerNumber, String text,
                            Optional<RequestType> requestType, Optional<String> serviceCode,
                            Optional<Priority> priority, Area area, String actor,
                            Function<WorkOrder, List<OutboxMessage>> acknowledgement) {
    public static final int MAX_TEXT = 4000;

    public IntakeRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(acknowledgement, "acknowledgement");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotency key is required");
        }
        text = text == null ? "" : text.strip();
        actor = actor == null || actor.isBlank() ? channel.wire() : actor;
    }

    /** The common case: no hints, no acknowledgement rows. */
    public static IntakeRequest of(String key, Channel channel, String callerNumber, String text) {
        return new IntakeRequest(key, channel, callerNumber, text, Optional.empty(), Optional.empty(),
                Optional.empty(), Area.UNKNOWN, channel.wire(), wo -> List.of());
    }

    public IntakeRequest withAcknowledgement(Function<WorkOrder, List<OutboxMessage>> ack) {
        return new IntakeRequest(idempotencyKey, channel, callerNumber, text, requestType, serviceCode, priority, area,
                actor, ack);
    }

    /** Where the request says the job is (the SMS channel reads it from the text: AddressQuestion.areaIn). */
    public IntakeRequest withArea(Area where) {
        return new IntakeRequest(idempotencyKey, channel, callerNumber, text, requestType, serviceCode, priority, where,
                actor, acknowledgement);
    }

    public IntakeRequest withHints(Optional<RequestType> type, Optional<String> service, Optional<Priority> prio) {
        return new IntakeRequest(idempotencyKey, channel, callerNumber, text, type, service, prio, area, actor,
                acknowledgement);
    }
}
