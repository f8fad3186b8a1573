package org.hotline81890.gateway.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.OfferId;

/**
 * A department's request for more time on a transfer, within the terms, waiting for a supervisor (督办) to approve
 * or refuse it. {@code id} is 0 until stored.
 */
public record ExtensionRequest(long id, OfferId offer, WorkOrderId workOrder, ProviderId provider, Duration extra,
                               String reason, Instant requestedAt, State state, Optional<String> decidedBy,
                               Optional<Instant> decidedAt, Optional<String> note) {
    /** Where the request stands. */
    public enum State { PENDING, APPROVED, REFUSED }

    public ExtensionRequest {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(workOrder, "workOrder");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason.strip();
    }

    public static ExtensionRequest pending(OfferId offer, WorkOrderId workOrder, ProviderId provider, Duration extra,
                                           String reason, Instant at) {
        return new ExtensionRequest(0, offer, workOrder, provider, extra, reason, at, State.PENDING,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ExtensionRequest decided(State to, String by, Instant at, String why) {
        return new ExtensionRequest(id, offer, workOrder, provider, extra, reason, requestedAt, to, Optional.of(by),
                Optional.of(at), Optional.ofNullable(why).filter(s -> !s.isBlank()));
    }
}
