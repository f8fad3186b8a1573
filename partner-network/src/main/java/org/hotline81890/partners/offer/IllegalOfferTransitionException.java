package org.hotline81890.partners.offer;

/** A broken invariant: code tried a transition the table in {@link OfferState} does not allow. */
public final class IllegalOfferTransitionException extends IllegalStateException {
    private final OfferState from;
    private final OfferState to;

    public IllegalOfferTransitionException(OfferState from, OfferState to) {
        super("offer cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public OfferState from() {
        return from;
    }

    public OfferState to() {
        return to;
    }
}
