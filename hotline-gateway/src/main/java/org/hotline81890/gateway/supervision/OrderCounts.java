package org.hotline81890.gateway.supervision;

import java.time.Instant;

/** Driven port: work-order counts for the wallboard. */
public interface OrderCounts {
    /**
     * Orders not yet done or cancelled, and of those the ones past their complete-by at {@code now}; orders received
     * since {@code dayStart}; texts received since {@code dayStart} (requests, survey answers, providers' commands).
     */
    Counts counts(Instant dayStart, Instant now);

    /** The figures. */
    record Counts(long open, long overdue, long receivedToday, long smsReceivedToday) {
    }
}
