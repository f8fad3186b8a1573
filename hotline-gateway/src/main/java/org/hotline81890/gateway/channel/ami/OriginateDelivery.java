package org.hotline81890.gateway.channel.ami;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.DeliveryOutcome;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows of kind {@code originate}: an async AMI Originate whose ActionID (and channel variable
 * HOTLINE_ACTION) is {@code hotline-<row>-<attempt>}; confirmed only when {@link OriginateTracker} sees one of its
 * channels come up. Not connected, refused, not answered or no event in time: Retry, with the relay's backoff.
 */
final class OriginateDelivery implements OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OriginateDelivery.class);
    private final AmiConnector ami;
    private final OriginateTracker tracker;
    private final HotlineConfig.Ami cfg;

    OriginateDelivery(AmiConnector ami, OriginateTracker tracker, HotlineConfig.Ami cfg) {
        this.ami = ami;
        this.tracker = tracker;
        this.cfg = cfg;
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        OriginateRequest request;
        try {
            request = OriginateRequest.parse(entry.message().payload());
        } catch (RuntimeException e) {
            return new DeliveryOutcome.Rejected("bad originate payload: " + e.getMessage());
        }
        if (!ami.isConnected()) {
            return new DeliveryOutcome.Retry("AMI not connected");
        }
        String actionId = "hotline-" + entry.id() + "-" + entry.attempts();
        CompletableFuture<OriginateTracker.Outcome> outcome = tracker.expect(actionId);
        try {
            ManagerResponse response = ami.connection().sendAction(action(request, actionId), 10_000);
            if (response instanceof ManagerError) {
                return new DeliveryOutcome.Retry("Originate refused: " + response.getMessage());
            }
            return switch (outcome.get(cfg.originateTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                case OriginateTracker.Outcome.Answered a -> {
                    LOG.info("originate {} to {} answered ({})", request.purpose(),
                            PhoneNumbers.mask(request.number()), a.uniqueId());
                    yield new DeliveryOutcome.Confirmed("answered " + a.uniqueId());
                }
                case OriginateTracker.Outcome.Failed f -> new DeliveryOutcome.Retry(f.reason());
            };
        } catch (TimeoutException e) {
            return new DeliveryOutcome.Retry("no channel came up within " + cfg.originateTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retry("interrupted");
        } catch (ExecutionException | java.io.IOException | org.asteriskjava.manager.TimeoutException
                 | IllegalStateException e) {
            return new DeliveryOutcome.Retry("Originate failed: " + e);
        } finally {
            tracker.forget(actionId);
        }
    }

    private OriginateAction action(OriginateRequest r, String actionId) {
        OriginateAction a = new OriginateAction();
        a.setActionId(actionId);
        a.setAsync(true);
        a.setCallerId("81890");
        a.setPriority(1);
        a.setTimeout(Duration.ofSeconds(30).toMillis());
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(OriginateTracker.VARIABLE, actionId);
        vars.put("HOTLINE_RESIDENT", r.number());
        r.ticket().ifPresent(t -> vars.put("HOTLINE_TICKET", t));
        a.setVariables(vars);
        switch (r.purpose()) {
            case SURVEY -> {
                a.setChannel(cfg.callbackChannel().replace("{number}", r.number()));
                a.setContext(cfg.surveyContext());
                a.setExten("s");
            }
            case CLICK_TO_CALL -> {
                a.setChannel(r.agent().orElseThrow());
                a.setContext(cfg.clickToCallContext());
                a.setExten(r.number());
            }
        }
        return a;
    }
}
