package org.hotline81890.gateway.workorder;

import java.util.List;
import java.util.Optional;

/**
 * A resident who answered 不满意 goes on the agents' callback list (回访): an outbox row written in the same
 * transaction as the SURVEYED move, delivered as a callback request keyed by the order's version, so a redelivered
 * row adds the resident once and a second 不满意 later adds them again.
 */
public final class SurveyCallback {
    public static final String KIND = "callback-request";

    /** What the row carries: the callback's key and the number to call. */
    public record Request(String key, String number) {
    }

    private SurveyCallback() {
    }

    /** The row for {@code surveyed}, the order as the SURVEYED move leaves it. */
    public static List<OutboxMessage> request(WorkOrder surveyed) {
        String key = "survey:" + surveyed.ticket().value() + ":" + surveyed.version();
        return List.of(new OutboxMessage(KIND, "agents", key + " " + surveyed.callerNumber(), KIND + ":" + key));
    }

    /** The request in a row's payload; empty when it is not one. */
    public static Optional<Request> parse(String payload) {
        String[] p = payload.split(" ");
        return p.length == 2 && p[0].startsWith("survey:") && !p[1].isBlank()
                ? Optional.of(new Request(p[0], p[1])) : Optional.empty();
    }
}
