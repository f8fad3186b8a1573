package org.hotline81890.partners.store;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.WorkOrderRef;

/**
 * Jobs the night and weekend policy holds for a provider's opening (ADR 0019), each with the provider expected to
 * take it then: what the policy counts when it holds the next one, so a night's jobs are spread over the openings
 * where there will be room instead of all waiting for the first firm to open.
 */
public interface HeldJobs {
    /** Nothing is ever counted: every held job waits for the earliest opening (the behaviour before this port). */
    HeldJobs NONE = new HeldJobs() {
        @Override
        public Map<ProviderId, Integer> offeredBy(Instant at) {
            return Map.of();
        }

        @Override
        public void hold(WorkOrderRef workOrder, ProviderId provider, Instant offerAt) {
        }

        @Override
        public void release(WorkOrderRef workOrder) {
        }

        @Override
        public <T> T exclusively(Supplier<T> decision) {
            return decision.get();
        }
    };

    /**
     * Runs {@code decision} (count the held jobs, then hold one) as the only one at a time, so two jobs held at
     * once cannot both take the last room at an opening; on a database, until the caller's transaction commits.
     */
    <T> T exclusively(Supplier<T> decision);

    /** Per provider, the held jobs due to be offered to it at or before {@code at}. */
    Map<ProviderId, Integer> offeredBy(Instant at);

    /** {@code workOrder} waits for {@code provider}'s opening at {@code offerAt} (replaces an earlier hold). */
    void hold(WorkOrderRef workOrder, ProviderId provider, Instant offerAt);

    /** The hold is over (its opening came): it no longer counts. */
    void release(WorkOrderRef workOrder);
}
