package org.hotline81890.gateway.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Driven port: the rows of side effects waiting for delivery, claimed with a lease so a crash loses none. */
public interface Outbox {
    /** Writes messages in a transaction of their own (for effects that change no work order). */
    void enqueue(Optional<WorkOrderId> workOrderId, List<OutboxMessage> messages);

    /** Claims up to {@code limit} rows due at {@code now} and not leased by another relay, for {@code lease}. */
    default List<OutboxEntry> claimDue(Instant now, int limit, Duration lease) {
        return claimDue(now, limit, lease, Set.of());
    }

    /**
     * As {@link #claimDue(Instant, int, Duration)}, passing over rows of the kinds in {@code skipKinds} (kinds whose
     * deliveries are all busy, so that a throttled channel never holds back the others).
     */
    List<OutboxEntry> claimDue(Instant now, int limit, Duration lease, Set<String> skipKinds);

    /**
     * The relay's round: marks the {@code done} rows done (deliveries the other side confirmed since the last round)
     * and claims up to {@code limit} rows due by {@code dueBy} (at most {@code now}) and not leased, for {@code lease}
     * from {@code now}. A store that can does both in one transaction: one commit per round instead of two.
     */
    default List<OutboxEntry> settleAndClaim(List<Long> done, Instant now, Instant dueBy, int limit, Duration lease,
                                             Set<String> skipKinds) {
        markAllDone(done, now);
        Instant by = dueBy.isAfter(now) ? now : dueBy;
        return claimDue(by, limit, lease.plus(Duration.between(by, now)), skipKinds);
    }

    /**
     * Claims the pending rows with these dedupe keys that are due at {@code now} and not leased, for {@code lease}: the
     * relay's lane for rows that go first (ADR 0050). A store without that lane claims none here, and the ordinary
     * claim takes them in their turn.
     */
    default List<OutboxEntry> claimKeys(java.util.Collection<String> dedupeKeys, Instant now, Duration lease) {
        return List.of();
    }

    /** The other side confirmed: the row is done and never delivered again. */
    void markDone(long id, Instant at);

    /** {@link #markDone} for many rows at once (one write where the store can). */
    default void markAllDone(List<Long> ids, Instant at) {
        ids.forEach(id -> markDone(id, at));
    }

    /** A transient failure: try again at {@code nextAttemptAt}. */
    void retryLater(long id, Instant nextAttemptAt, String error);

    /** {@link #retryLater} for many rows at once (one write where the store can: the relay's round, ADR 0052). */
    default void retryAllLater(List<Retry> retries) {
        retries.forEach(r -> retryLater(r.id(), r.nextAttemptAt(), r.error()));
    }

    /** A row to try again at {@code nextAttemptAt}, with the error that ended this attempt. */
    record Retry(long id, Instant nextAttemptAt, String error) {
    }

    /** Given up (permanent error or attempts exhausted); kept for a human to look at. */
    void markFailed(long id, Instant at, String error);

    /**
     * Nothing on this node delivers the row's kind (its channel is disabled): set it aside, undelivered, until
     * {@link #unpark} is called for its kind. Parked rows are never claimed.
     */
    void park(long id, String why);

    /** Parked rows of these kinds become due now (their channel was enabled); returns how many. */
    int unpark(java.util.Set<String> kinds, Instant now);

    /** Parked rows by kind. */
    java.util.Map<String, Integer> parked();

    /** When the earliest pending row is due, if any. */
    Optional<Instant> nextDue();

    Optional<OutboxStatus> status(String dedupeKey);

    /** Delivery state of a row as people and tests see it. */
    record OutboxStatus(long id, String state, int attempts, Optional<String> lastError) {
    }
}
