package org.hotline81890.gateway.channel.ami;

import java.io.IOException;
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
import org.hotline81890.gateway.voice.OriginateRequest;

/**
 * Sends one async AMI Originate (ActionID and channel variable HOTLINE_ACTION = the given action id) and waits
 * until {@link OriginateTracker} sees one of its channels come up or hang up. The phone rings for ami.originate-timeout
 * (the Originate's Timeout), and the wait ends {@link #ANSWER_MARGIN} later.
 * The OriginateResponse alone is not trusted. Used by the outbox (survey callbacks) and the click-to-call route.
 */
public final class Originator {
    /** How long after Asterisk's own ring time the tracker still waits for its verdict. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(2);
    private final AmiConnector ami;
    private final OriginateTracker tracker;
    private final HotlineConfig.Ami cfg;

    public Originator(AmiConnector ami, OriginateTracker tracker, HotlineConfig.Ami cfg) {
        this.ami = ami;
        this.tracker = tracker;
        this.cfg = cfg;
    }

    /** How an originate went. */
    public sealed interface Result {
        /** One of its channels went Up (Newstate 6). */
        record Answered(String uniqueId) implements Result {
        }

        /** AMI is not logged in: nothing was sent. */
        record NotConnected() implements Result {
        }

        /** Asterisk answered the action with an error (e.g. permission, bad channel). */
        record Refused(String message) implements Result {
        }

        /** A channel hung up before any went Up, or the action could not be sent. */
        record Failed(String reason) implements Result {
        }

        /** No channel came up within ami.originate-timeout. */
        record TimedOut(Duration waited) implements Result {
        }
    }

    boolean isConnected() {
        return ami.isConnected();
    }

    public Result originate(OriginateRequest request, String actionId) {
        return send(action(request, actionId), actionId);
    }

    /**
     * Rings {@code supervisorChannel}; answered, it runs ChanSpy on the agent's channel in {@code mode} (listen,
     * whisper, barge).
     */
    public Result spy(String supervisorChannel, String agentInterface, org.hotline81890.gateway.voice.SpyMode mode,
                      String actionId) {
        OriginateAction a = new OriginateAction();
        a.setActionId(actionId);
        a.setAsync(true);
        a.setCallerId("81890");
        a.setTimeout(cfg.originateTimeout().toMillis());
        a.setChannel(supervisorChannel);
        a.setApplication("ChanSpy");
        a.setData(mode.chanSpyData(agentInterface));
        a.setVariables(Map.of(OriginateTracker.VARIABLE, actionId));
        return send(a, actionId);
    }

    private Result send(OriginateAction action, String actionId) {
        if (!ami.isConnected()) {
            return new Result.NotConnected();
        }
        CompletableFuture<OriginateTracker.Outcome> outcome = tracker.expect(actionId);
        try {
            ManagerResponse response = ami.connection().sendAction(action, 10_000);
            if (response instanceof ManagerError) {
                return new Result.Refused(response.getMessage());
            }
            // Asterisk rings for ami.originate-timeout and then reports the failure itself: wait a little longer.
            return switch (outcome.get(cfg.originateTimeout().plus(ANSWER_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
                case OriginateTracker.Outcome.Answered a -> new Result.Answered(a.uniqueId());
                case OriginateTracker.Outcome.Failed f -> new Result.Failed(f.reason());
            };
        } catch (TimeoutException e) {
            return new Result.TimedOut(cfg.originateTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed("interrupted");
        } catch (ExecutionException | IOException | org.asteriskjava.manager.TimeoutException
                 | IllegalStateException e) {
            return new Result.Failed("Originate failed: " + e);
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
        a.setTimeout(cfg.originateTimeout().toMillis());
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
            case BRIDGE -> {
                a.setChannel(cfg.callbackChannel().replace("{number}", r.agent().orElseThrow()));
                a.setContext(cfg.bridgeContext());
                a.setExten(r.number());
            }
        }
        return a;
    }
}
