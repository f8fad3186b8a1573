package org.hotline81890.partners.flow;

import java.time.Instant;

import org.hotline81890.partners.offer.Offer;

/** What happened when a transfer's handling deadline fired. */
public sealed interface DeadlineResult {

    /** Missed: the offer is now marked overdue (counted against the department). Work order → ESCALATED. */
    record Missed(Offer offer, String reason) implements DeadlineResult {
    }

    /** Not yet due (an extension moved it): re-arm the timer at {@code handleBy}. */
    record NotDue(Offer offer, Instant handleBy) implements DeadlineResult {
    }

    /** Completed, cancelled, already marked overdue, not a transfer, or unknown: nothing to do. */
    record Settled(String reason) implements DeadlineResult {
    }
}
