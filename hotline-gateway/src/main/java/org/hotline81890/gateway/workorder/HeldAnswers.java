package org.hotline81890.gateway.workorder;

import java.time.Instant;

/**
 * Driven port: a resident's answer in words held for an agent (the SMS reply window, ADR 0024) that the agent has
 * not decided yet. Until the agent says what it was (the survey answer, a reason to reopen, a new request, nothing),
 * it counts as a reply: the survey wait does not close its order as "no reply" ({@link SurveyWait}).
 */
@FunctionalInterface
public interface HeldAnswers {
    /** Nothing is ever held (no SMS, or the reply window is off). */
    HeldAnswers NONE = (order, by) -> false;

    /** Whether a text answering {@code order} that arrived at or before {@code by} still waits for an agent. */
    boolean waitingFor(WorkOrderId order, Instant by);
}
