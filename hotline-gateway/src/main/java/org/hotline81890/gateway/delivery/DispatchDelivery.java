package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.dispatch.PartnerFlow;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.gateway.workorder.Dispatch;

/**
 * Delivers outbox rows of kind {@code dispatch}: the partner network offers the matched order to a provider, or to
 * the department the agent chose (转办).
 */
public final class DispatchDelivery implements OutboxDelivery {
    private final PartnerFlow flow;

    public DispatchDelivery(PartnerFlow flow) {
        this.flow = flow;
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
