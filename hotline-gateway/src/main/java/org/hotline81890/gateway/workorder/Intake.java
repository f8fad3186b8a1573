package org.hotline81890.gateway.workorder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case: a request arrives on any channel and becomes a committed work order, exactly once per idempotency key.
 * The caller acknowledges (SMPP resp, HTTP 201, ticket read out) only after this returns Accepted or Duplicate.
 */
public final class Intake {
    private final WorkOrderStore store;
    private final RequestClassifier classifier;
    private final ServiceLevels defaults;
    private final EventPublisher publisher;
    private final Clock clock;

    public Intake(WorkOrderStore store, RequestClassifier classifier, ServiceLevels defaults,
                  EventPublisher publisher, Clock clock) {
        this.store = store;
        this.classifier = classifier;
        this.defaults = defaults;
        this.publisher = publisher;
        this.clock = clock;
    }

    public IntakeResult receive(IntakeRequest request) {
        return receive(request, Optional.empty());
    }

    /**
     * As {@link #receive(IntakeRequest)} for a request that arrived at {@code receivedAt} and is processed only now
     * (an SMS acknowledged on the journal, ADR 0036): the order is received, and its promises (respond-by,
     * complete-by) count, from that moment, not from when it was processed (never from a moment after now).
     */
    public IntakeResult receive(IntakeRequest request, Instant receivedAt) {
        Instant now = clock.instant();
        return receive(request, Optional.of(receivedAt.isAfter(now) ? now : receivedAt), Optional.empty());
    }

    /**
     * As {@link #receive(IntakeRequest, Instant)} for a request whose sender was already told {@code ticket} (an SMS
     * request's reply sent before the matcher ran, ADR 0047): the order is opened under that ticket.
     */
    public IntakeResult receive(IntakeRequest request, Instant receivedAt, TicketNumber ticket) {
        Instant now = clock.instant();
        return receive(request, Optional.of(receivedAt.isAfter(now) ? now : receivedAt), Optional.of(ticket));
    }

    private IntakeResult receive(IntakeRequest request, Optional<Instant> arrived) {
        return receive(request, arrived, Optional.empty());
    }

    private IntakeResult receive(IntakeRequest request, Optional<Instant> arrived, Optional<TicketNumber> ticket) {
        if (request.text().length() > IntakeRequest.MAX_TEXT) {
            return new IntakeResult.Refused("text is longer than " + IntakeRequest.MAX_TEXT + " characters");
        }
        Optional<WorkOrder> known = store.findByIdempotencyKey(request.idempotencyKey());
        if (known.isPresent()) {
            return new IntakeResult.Duplicate(known.get());
        }
        Classification c = classifier.classify(request);
        Instant now = arrived.orElseGet(clock::instant);
        Deadlines deadlines = new Deadlines(
                Optional.of(now.plus(c.respondWithin().orElse(defaults.respondWithin()))),
                Optional.of(now.plus(c.completeWithin().orElse(defaults.completeWithin()))),
                Optional.empty());
        WorkOrderState state = c.serviceCode().isPresent() ? WorkOrderState.MATCHED : WorkOrderState.RECEIVED;
        NewWorkOrder order = new NewWorkOrder(request.idempotencyKey(), request.channel(), request.callerNumber(),
                c.requestType(), request.text(), c.serviceCode(), request.area(), c.priority(), deadlines, state,
                arrived, ticket);
        List<EventDraft> events = new ArrayList<>();
        events.add(new EventDraft(request.actor(), request.channel(), WorkOrderState.RECEIVED,
                "received by " + request.channel().wire()));
        if (state == WorkOrderState.MATCHED) {
            events.add(new EventDraft("directory", request.channel(), WorkOrderState.MATCHED,
                    "matched " + c.serviceCode().get() + " (" + c.requestType().english() + ", "
                            + c.priority().wire() + ") " + c.reason()));
        }
        WorkOrderStore.Created created = store.create(order, events, w -> {
            List<OutboxMessage> rows = new ArrayList<>(request.acknowledgement().apply(w));
            if (w.state() == WorkOrderState.MATCHED) {
                rows.addAll(Dispatch.request(w));
            }
            return rows;
        });
        if (!created.fresh()) {
            return new IntakeResult.Duplicate(created.workOrder());
        }
        events.forEach(e -> publisher.published(created.workOrder(), e));
        return new IntakeResult.Accepted(created.workOrder());
    }
}
