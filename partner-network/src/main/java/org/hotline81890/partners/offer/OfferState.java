package org.hotline81890.partners.offer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The single transition table of an offer:
 * <pre>
 * OFFERED  → ACCEPTED | DECLINED | EXPIRED | CANCELLED
 * ACCEPTED → STARTED | CANCELLED
 * STARTED  → COMPLETED | CANCELLED
 * DECLINED, EXPIRED, CANCELLED, COMPLETED: final
 * </pre>
 */
public enum OfferState {
    OFFERED,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    CANCELLED,
    STARTED,
    COMPLETED;

    private static final Map<OfferState, Set<OfferState>> NEXT = Map.of(
            OFFERED, EnumSet.of(ACCEPTED, DECLINED, EXPIRED, CANCELLED),
            ACCEPTED, EnumSet.of(STARTED, CANCELLED),
            STARTED, EnumSet.of(COMPLETED, CANCELLED),
            DECLINED, EnumSet.noneOf(OfferState.class),
            EXPIRED, EnumSet.noneOf(OfferState.class),
            CANCELLED, EnumSet.noneOf(OfferState.class),
            COMPLETED, EnumSet.noneOf(OfferState.class));

    public boolean canMoveTo(OfferState next) {
        return NEXT.get(this).contains(next);
    }

    public void checkMoveTo(OfferState next) {
        if (!canMoveTo(next)) {
            throw new IllegalOfferTransitionException(this, next);
        }
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Accepted or started: the provider is working on it, so it counts against capacity. */
    public boolean isActiveJob() {
        return this == ACCEPTED || this == STARTED;
    }

    /** Still waiting for an answer or for the work: a new dispatch for the same work order must wait. */
    public boolean isOpen() {
        return this == OFFERED || isActiveJob();
    }

    /** The provider had the offer and let it go; never offer this work order to them again. */
    public boolean isTurnedDown() {
        return this == DECLINED || this == EXPIRED || this == CANCELLED;
    }
}
