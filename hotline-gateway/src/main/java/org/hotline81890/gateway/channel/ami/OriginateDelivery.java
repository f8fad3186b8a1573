package org.hotline81890.gateway.channel.ami;

import org.hotline81890.gateway.delivery.DeliveryOutcome;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows of kind {@code originate} through {@link Originator}, with ActionID (and channel variable
 * HOTLINE_ACTION) {@code hotline-<row>-<attempt>}; confirmed only when one of its channels comes up. Not
 * connected, refused, not answered or no event in time: Retry, with the relay's backoff.
 */
public final class OriginateDelivery implements OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OriginateDelivery.class);
    private final Originator originator;

    public OriginateDelivery(Originator originator) {
        this.originator = originator;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        OriginateRequest request;
        try {
            request = OriginateRequest.parse(entry.message().payload());
        } catch (RuntimeException e) {
            return new DeliveryOutcome.Rejected("bad originate payload: " + e.getMessage());
        }
        String actionId = "hotline-" + entry.id() + "-" + entry.attempts();
        return switch (originator.originate(request, actionId)) {
            case Originator.Result.Answered a -> {
                LOG.info("originate {} to {} answered ({})", request.purpose(), PhoneNumbers.mask(request.number()),
                        a.uniqueId());
                yield new DeliveryOutcome.Confirmed("answered " + a.uniqueId());
            }
            case Originator.Result.NotConnected n -> new DeliveryOutcome.Retry("AMI not connected");
            case Originator.Result.Refused r -> new DeliveryOutcome.Retry("Originate refused: " + r.message());
            case Originator.Result.Failed f -> new DeliveryOutcome.Retry(f.reason());
            case Originator.Result.TimedOut t ->
                    new DeliveryOutcome.Retry("no channel came up within " + t.waited().toMillis() + " ms");
        };
    }
}
