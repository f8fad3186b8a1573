package org.hotline81890.gateway.workorder;

import java.util.List;
import java.util.Optional;
import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * A survey answer to be scored against the provider whose completion it judged: an outbox row written in the same
 * transaction as the SURVEYED move, delivered by the partner network (its rating). Like {@link Dispatch}, a crash
 * between the answer's commit and the scoring loses nothing; the row names the order's version after the move, so a
 * redelivered row scores once.
 */
public final class SurveyScore {
    public static final String KIND = "survey-score";

    /** What the row carries. */
    public record Request(WorkOrderId workOrder, int version, SurveyAnswer answer) {
    }

    private SurveyScore() {
    }

    /** The row for {@code surveyed}, the order as the SURVEYED move leaves it. */
    public static List<OutboxMessage> request(WorkOrder surveyed, SurveyAnswer answer) {
        String ref = surveyed.id().value() + ":" + surveyed.version();
        return List.of(new OutboxMessage(KIND, "partner-network", ref + ":" + answer.name(), "survey-score:" + ref));
    }

    /** The request in a row's payload; empty when it is not one. */
    public static Optional<Request> parse(String payload) {
        String[] p = payload.split(":");
        if (p.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Request(new WorkOrderId(Long.parseLong(p[0])), Integer.parseInt(p[1]),
                    SurveyAnswer.valueOf(p[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
