package org.hotline81890.gateway.workorder;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An order escalated (督办) or cancelled takes its open offers away from the providers holding them: an outbox row of
 * kind {@code withdraw-offers}, written by {@link Tracker} in the move's own transaction and delivered by the partner
 * network (which tells each provider). Like {@link Dispatch}, a crash right after the commit loses nothing;
 * withdrawing twice is harmless (only open offers are withdrawn).
 */
public final class OfferWithdrawal {
    public static final String KIND = "withdraw-offers";
    /** The states that take the offers away. */
    public static final Set<WorkOrderState> WITHDRAWING = EnumSet.of(WorkOrderState.ESCALATED,
            WorkOrderState.CANCELLED);
    private static final int MAX_REASON = 500;

    /** What the row carries. */
    public record Request(WorkOrderId workOrder, String reason) {
    }

    private OfferWithdrawal() {
    }

    /** The row for {@code moved}, the order as the move leaves it; none for a move to another state. */
    static List<OutboxMessage> request(WorkOrder moved, String details) {
        if (!WITHDRAWING.contains(moved.state())) {
            return List.of();
        }
        String reason = "work order " + moved.state().name().toLowerCase(Locale.ROOT) + ": " + details;
        return List.of(new OutboxMessage(KIND, "partner-network", moved.id().value() + ":"
                + (reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason),
                "withdraw-offers:" + moved.id().value() + ":" + moved.version()));
    }

    /** The request in a row's payload; empty when it is not one. */
    public static Optional<Request> parse(String payload) {
        int colon = payload.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Request(new WorkOrderId(Long.parseLong(payload.substring(0, colon))),
                    payload.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
