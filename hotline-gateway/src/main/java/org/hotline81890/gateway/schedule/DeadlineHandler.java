package org.hotline81890.gateway.schedule;

import org.hotline81890.gateway.workorder.DeadlineStore;

/** What happens when a deadline of one subject type fires. Must be idempotent: a crash may fire it again. */
@FunctionalInterface
public interface DeadlineHandler {
    void fire(DeadlineStore.DueDeadline deadline);
}
