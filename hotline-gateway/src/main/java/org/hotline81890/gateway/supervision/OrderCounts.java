package org.hotline81890.gateway.supervision;

import java.time.Instant;

/** Driven port: work-order counts for the wallboard. */
public interface OrderCounts {
    /**
     * Orders not yet done or cancelled, and of those the ones past their complete-by at {@code now}; orders received
     * since {@code dayStart}, and of those the ones that came by SMS.
     */
    Counts counts(Instant dayStart, Instant now);

    /** The figures. */
    record Counts(long open, long overdue, long receivedToday, long smsToday) {
    }
}
