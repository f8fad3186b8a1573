package org.hotline81890.gateway.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.sms.HeldReplies;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.Tracker;

/**
 * Use case: a held SMS reply's own deadline fired ({@link HeldReply#DECIDE_BY}, ADR 0053). A text an agent has not
 * decided within smpp.reply-hold.decide-within of its arrival goes to the 督办 list (居民回复超时未处理) then, whatever
 * its order's state: it is marked overdue there, and an order still awaiting its survey is escalated as well
 * ({@link Tracker#onReplyUndecided}), since the resident did reply and it must not close as "no reply". An order in
 * any other state (back with a provider, closed, cancelled, already escalated) keeps its state: someone already has
 * it, or it ended; the text is the supervisors' item. Idempotent: a decided text, or one already overdue, is left
 * alone, so a deadline fired again after a crash changes nothing more.
 */
public final class ReplyDeadline {
    /** What the firing did. */
    public enum Outcome { NOT_WAITING, NOT_YET, OVERDUE, ORDER_ESCALATED }

    private final HeldReplies held;
    private final Tracker tracker;
    private final DeadlineStore deadlines;
    private final Duration decideWithin;
    private final Clock clock;

    public ReplyDeadline(HeldReplies held, Tracker tracker, DeadlineStore deadlines, Duration decideWithin,
                         Clock clock) {
        if (decideWithin.isNegative() || decideWithin.isZero()) {
            throw new IllegalArgumentException("decide-within must be positive: " + decideWithin);
        }
        this.held = held;
        this.tracker = tracker;
        this.deadlines = deadlines;
        this.decideWithin = decideWithin;
        this.clock = clock;
    }

    /** The deadline of held text {@code id} fired. */
    public Outcome fire(long id) {
        Optional<HeldReply> found = held.find(id).filter(h -> h.state() == HeldReply.State.WAITING);
        if (found.isEmpty()) {
            return Outcome.NOT_WAITING;
        }
        Instant now = clock.instant();
        Instant decideBy = found.get().receivedAt().plus(decideWithin);
        if (now.isBefore(decideBy)) {
            // Armed before decide-within was raised, or by the upgrade (V35) at the text's arrival.
            deadlines.arm(HeldReply.DEADLINE, id, HeldReply.DECIDE_BY, decideBy);
            return Outcome.NOT_YET;
        }
        // The order first: a crash before the mark fires this again, and an escalated order is not escalated twice.
        boolean escalated = tracker.onReplyUndecided(found.get().workOrder()).isPresent();
        held.markOverdue(id, now);
        return escalated ? Outcome.ORDER_ESCALATED : Outcome.OVERDUE;
    }
}
