package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.dispatch.PartnerFlow;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.WorkOrderId;

/** Delivers outbox rows of kind {@code dispatch}: the partner network offers the matched order to a provider. */
public final class DispatchDelivery implements OutboxDelivery {
    private final PartnerFlow flow;

    public DispatchDelivery(PartnerFlow flow) {
        this.flow = flow;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        flow.dispatch(new WorkOrderId(Long.parseLong(entry.message().payload())));
        return new DeliveryOutcome.Confirmed("dispatched");
    }
}
