package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.dispatch.OfferNotices;
import org.hotline81890.gateway.workorder.OfferWithdrawal;
import org.hotline81890.gateway.workorder.OutboxEntry;

/** Delivers outbox rows of kind {@code withdraw-offers}: an escalated or cancelled order's open offers end. */
public final class OfferWithdrawalDelivery implements OutboxDelivery {
    private final OfferNotices notices;

    public OfferWithdrawalDelivery(OfferNotices notices) {
        this.notices = notices;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        return ParsedPayload.deliver(entry, OfferWithdrawal::parse,
                r -> notices.withdrawIfStillLeft(r.workOrder(), r.reason()),
                "withdrawal");
    }
}
