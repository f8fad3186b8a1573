package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.workorder.OutboxEntry;

/**
 * Delivers rows that have no receiver in this configuration (with the partner network off: no provider to score, no
 * offer to withdraw) by confirming them as nothing to do, not by failing them.
 */
public final class NothingToDoDelivery implements OutboxDelivery {
    private final String why;

    public NothingToDoDelivery(String why) {
        this.why = why;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        return new DeliveryOutcome.Confirmed(why + ": nothing to do");
    }
}
