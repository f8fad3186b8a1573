package org.hotline81890.gateway.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: the survey-wait deadline ({@link DeadlineKind#SURVEY_AT}) fired. Silence closes the order as "no reply",
 * but only silence: an answer the resident sent before the deadline may be acknowledged and still waiting behind the
 * SMS journal (a burst's backlog, a crashed stage's lease). An answer is judged when it arrived, not when it is
 * processed (ADR 0036): while such a text is pending, or may still be on its way into the journal ({@code inFlight}
 * after the deadline), the close waits and the deadline is checked again {@code recheck} later; the answer, once
 * processed, settles the order as the resident said, and the check after it finds nothing to close.
 * <p>
 * An answer in words that arrived by the deadline and was held for an agent ({@link HeldAnswers}, ADR 0024) is a
 * reply too: the close waits ({@code heldRecheck} at a time, an agent's pace) until the agent decided what it was,
 * but no longer than {@code decideWithin} from the oldest such text's arrival, the agent's own deadline (ADR 0049):
 * past it the order goes to the supervisors (督办) as {@link Tracker#REPLY_UNDECIDED} rather than stay open unseen.
 * The journal is asked first: the SMS stage holds the text before it marks the journal row done, so a text is
 * always seen by one of the two reads, whichever moment the check falls on.
 */
public final class SurveyWait {
    private static final Set<WorkOrderState> AWAITING_SURVEY = EnumSet.of(WorkOrderState.COMPLETED,
            WorkOrderState.ANSWERED);
    private final WorkOrderStore store;
    private final Tracker tracker;
    private final DeadlineStore deadlines;
    private final String subjectType;
    private final PendingTexts texts;
    private final HeldAnswers held;
    private final Duration inFlight;
    private final Duration recheck;
    private final Duration heldRecheck;
    private final Duration decideWithin;
    private final Clock clock;

    /**
     * @param subjectType the deadline table's subject type of work orders (a recheck is armed under it)
     * @param inFlight    how long after its arrival a text may still be committing into the journal (after that it
     *                    was refused, and the SMSC's redelivery arrives anew)
     * @param recheck     how soon to look again while an answer is pending
     * @param heldRecheck  how soon to look again while an answer waits for an agent
     * @param decideWithin how long after its arrival an answer held for an agent keeps the order from closing
     */
    public SurveyWait(WorkOrderStore store, Tracker tracker, DeadlineStore deadlines, String subjectType,
                      PendingTexts texts, HeldAnswers held, Duration inFlight, Duration recheck,
                      Duration heldRecheck, Duration decideWithin, Clock clock) {
        if (recheck.isNegative() || recheck.isZero() || heldRecheck.isNegative() || heldRecheck.isZero()
                || decideWithin.isNegative() || decideWithin.isZero()) {
            throw new IllegalArgumentException("rechecks and the agent's deadline must be positive: " + recheck
                    + ", " + heldRecheck + ", " + decideWithin);
        }
        this.decideWithin = decideWithin;
        this.held = held;
        this.heldRecheck = heldRecheck;
        this.store = store;
        this.tracker = tracker;
        this.deadlines = deadlines;
        this.subjectType = subjectType;
        this.texts = texts;
        this.inFlight = inFlight;
        this.recheck = recheck;
        this.clock = clock;
    }

    /** The order's SURVEY_AT deadline (or a recheck of it) fired: the order if it was closed, else empty. */
    public Optional<WorkOrder> fire(WorkOrderId id) {
        Optional<WorkOrder> order = store.find(id).filter(w -> AWAITING_SURVEY.contains(w.state()));
        Optional<Instant> due = order.flatMap(w -> w.deadlines().surveyAt());
        if (order.isEmpty() || due.isEmpty()) {
            return tracker.onDeadline(id, DeadlineKind.SURVEY_AT); // no longer waiting: a no-op
        }
        Instant now = clock.instant();
        if (now.isBefore(due.get())) {
            return Optional.empty(); // an earlier round's recheck; the order's own deadline row is still armed
        }
        Instant settled = due.get().plus(inFlight);
        if (now.isBefore(settled)) {
            deadlines.arm(subjectType, id.value(), DeadlineKind.SURVEY_AT.name(), settled);
            return Optional.empty();
        }
        if (texts.anyFrom(order.get().callerNumber(), due.get())) {
            deadlines.arm(subjectType, id.value(), DeadlineKind.SURVEY_AT.name(), now.plus(recheck));
            return Optional.empty();
        }
        Optional<Instant> heldSince = held.waitingSince(id, due.get()); // after the journal: see the class comment
        if (heldSince.isEmpty()) {
            return tracker.onDeadline(id, DeadlineKind.SURVEY_AT);
        }
        Instant decideBy = heldSince.get().plus(decideWithin);
        if (now.isBefore(decideBy)) {
            Instant next = now.plus(heldRecheck);
            deadlines.arm(subjectType, id.value(), DeadlineKind.SURVEY_AT.name(),
                    next.isBefore(decideBy) ? next : decideBy);
            return Optional.empty();
        }
        return tracker.onReplyUndecided(id);
    }
}
