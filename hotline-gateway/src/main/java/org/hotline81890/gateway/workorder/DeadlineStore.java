package org.hotline81890.gateway.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: deadlines kept in the database, so none exists only in memory (architecture rule 4). */
public interface DeadlineStore {
    /** Arms a deadline for any subject (work order, offer, transfer) in a transaction of its own. */
    long arm(String subjectType, long subjectId, String kind, Instant dueAt);

    /** Cancels the pending deadlines of that subject and kind. */
    void cancel(String subjectType, long subjectId, String kind);

    /** Claims due deadlines not leased by another scheduler (a crashed one's lease runs out). */
    List<DueDeadline> claimDue(Instant now, int limit, Duration lease);

    void markFired(long id, Instant at);

    /** {@link #markFired} for many deadlines at once (one write where the store can). */
    default void markAllFired(List<Long> ids, Instant at) {
        ids.forEach(id -> markFired(id, at));
    }

    /**
     * The scheduler's round: marks the {@code fired} deadlines fired (at {@code now}) and claims due ones, as
     * {@link #claimDue}. A store that can does both in one transaction: one commit per round instead of one per
     * deadline fired and one for the claim.
     */
    default List<DueDeadline> settleAndClaim(List<Long> fired, Instant now, int limit, Duration lease) {
        markAllFired(fired, now);
        return claimDue(now, limit, lease);
    }

    Optional<Instant> nextDue();

    /** A deadline that is due. */
    record DueDeadline(long id, String subjectType, long subjectId, String kind, Instant dueAt) {
    }
}
