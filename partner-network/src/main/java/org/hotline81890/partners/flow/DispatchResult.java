package org.hotline81890.partners.flow;

import java.util.List;
import java.util.Objects;

import org.hotline81890.partners.dispatch.AfterHoursDecision;
import org.hotline81890.partners.dispatch.RankedCandidate;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.WorkOrderRef;

/** What {@link Dispatcher} did for a work order; the gateway maps each to a work-order transition. */
public sealed interface DispatchResult {

    /**
     * A new offer was saved. Work order → OFFERED; send the offer webhook/SMS through the outbox; arm the
     * accept deadline ({@link Offer#acceptBy()}) and, for a transfer, the handling deadline.
     */
    record Offered(Offer offer, RankedCandidate candidate, String policy) implements DispatchResult {
        public Offered {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /** Nobody (left) can take it. Work order → ESCALATED (督办) with these reasons. */
    record Escalate(WorkOrderRef workOrder, String policy, List<String> reasons) implements DispatchResult {
        public Escalate {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * Nobody who could take it is open now (night, weekend): the night and weekend policy says wait until
     * {@code hold.offerAt()}. Work order stays as it is; dispatch again then; the resident is told when; its promises
     * count from then. {@code reasons}: why nobody can take it now.
     */
    record Held(WorkOrderRef workOrder, AfterHoursDecision.Hold hold, List<String> reasons) implements DispatchResult {
        public Held {
            Objects.requireNonNull(hold, "hold");
            reasons = List.copyOf(reasons);
        }
    }

    /** The work order already has an offer waiting for an answer or being worked on; nothing was done. */
    record StillOpen(Offer open) implements DispatchResult {
    }

    /** Nothing to do (deadline not reached, offer already answered, unknown offer); the reason says which. */
    record Unchanged(String reason) implements DispatchResult {
    }
}
