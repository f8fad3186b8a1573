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

    Optional<Instant> nextDue();

    /** A deadline that is due. */
    record DueDeadline(long id, String subjectType, long subjectId, String kind, Instant dueAt) {
    }
}
