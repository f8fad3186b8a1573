package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.callback.CallbackReason;
import org.hotline81890.gateway.callback.Callbacks;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.SurveyCallback;

/** Delivers outbox rows of kind {@code callback-request}: an unsatisfied resident joins the callback list, once. */
public final class CallbackRequestDelivery implements OutboxDelivery {
    private final Callbacks callbacks;

    public CallbackRequestDelivery(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        return ParsedPayload.deliver(entry, SurveyCallback::parse,
                r -> callbacks.request(r.key(), r.number(), CallbackReason.UNSATISFIED), "callback request");
    }
}
