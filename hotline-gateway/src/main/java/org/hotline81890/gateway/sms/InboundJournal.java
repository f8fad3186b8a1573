package org.hotline81890.gateway.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the SMS intake journal (issue 18, ADR 0023). The deliver_sm_resp waits only for {@link #append};
 * the journal stage {@link #claim claims} rows, opens the work orders and marks them {@link #done}. A claim is a
 * lease: rows of a stage that died come back once it ran out. Implementations throw
 * {@link org.hotline81890.gateway.workorder.StorageUnavailableException} when storage is unavailable.
 */
public interface InboundJournal {

    /** Appends the texts in one commit (one round trip where the storage allows). */
    void append(List<JournaledSms> texts);

    /**
     * Up to {@code limit} rows the ticket pass has not looked at yet, oldest first (ADR 0047). Not a lease: the pass
     * is idempotent, and two passes looking at one row agree on its ticket.
     */
    List<JournaledSms> fresh(int limit);

    /** The ticket pass looked at these rows: from now on {@link #claim} hands them to the stage that matches them. */
    void ticketed(List<Long> ids);

    /**
     * Up to {@code limit} unprocessed rows the ticket pass has looked at and nobody holds, oldest first, leased for
     * {@code lease}.
     */
    List<JournaledSms> claim(int limit, Duration lease);

    /** Marks the rows processed; they are never claimed again. */
    void done(List<Long> ids);

    /** Gives claimed rows back, to be claimed again once {@code after} has passed (their intake said retry). */
    void retryLater(List<Long> ids, Duration after);

    /** Forgets processed rows appended before {@code cutoff}; how many. */
    int purgeDoneBefore(Instant cutoff);

    /** What is not processed yet (ticketed or not): how many rows, and when the oldest of them arrived. */
    Lag lag();

    /** The journal's backlog. */
    record Lag(long pending, Optional<Instant> oldest) {
        public Duration age(Instant now) {
            return oldest.map(o -> Duration.between(o, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        }
    }
}
