package org.hotline81890.gateway.workorder;

import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: a resident's answer in words held for an agent (the SMS reply window, ADR 0024) that the agent has
 * not decided yet. Until the agent says what it was (the survey answer, a reason to reopen, a new request, nothing),
 * it counts as a reply: the survey wait does not close its order as "no reply" ({@link SurveyWait}), but only until
 * the agent's own deadline for it (smpp.reply-hold.decide-within, ADR 0049) has passed.
 */
@FunctionalInterface
public interface HeldAnswers {
    /** Nothing is ever held (no SMS, or the reply window is off). */
    HeldAnswers NONE = (order, by) -> Optional.empty();

    /**
     * When the oldest text answering {@code order} that arrived at or before {@code by} and still waits for an agent
     * arrived; empty when none waits.
     */
    Optional<Instant> waitingSince(WorkOrderId order, Instant by);
}
