package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.dispatch.PartnerFlow;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.gateway.workorder.Dispatch;

/**
 * Delivers outbox rows of kind {@code dispatch}: the partner network offers the matched order to a provider, or to
 * the department the agent chose (转办). Each dispatch is a locked decision; at most {@link #atOnce} run at once, so
 * that a backlog of dispatches waits in the outbox and not ahead of the providers' answers (partner API) and the
 * offers' deadlines in the queue for the decision holders (the simulated day, 2026-12-05: 180 dispatches queued
 * there, the answers behind them ran into the partners' 30 s timeout).
 */
public final class DispatchDelivery implements OutboxDelivery {
    private final PartnerFlow flow;
    private final int atOnce;

    public DispatchDelivery(PartnerFlow flow) {
        this(flow, Integer.MAX_VALUE);
    }

    /** {@code atOnce}: dispatches in delivery at once (keep it below the decision holders, leaving some free). */
    public DispatchDelivery(PartnerFlow flow, int atOnce) {
        this.flow = flow;
        this.atOnce = atOnce;
    }

    @Override
    public int atOnce() {
        return atOnce;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        Dispatch.Request r = Dispatch.parse(entry.message().payload());
        if (r.department().isPresent()) {
            flow.transfer(r.workOrder(), ProviderId.of(r.department().get()));
            return new DeliveryOutcome.Confirmed("transferred");
        }
        flow.dispatch(r.workOrder());
        return new DeliveryOutcome.Confirmed("dispatched");
    }
}
