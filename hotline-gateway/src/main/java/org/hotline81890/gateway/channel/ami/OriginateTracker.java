package org.hotline81890.gateway.channel.ami;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms originates from channel events rather than OriginateResponse alone: every originate carries
 * {@code HOTLINE_ACTION=<ActionID>}; the VarSet events tie the new channels' uniqueids to it; a Newstate "Up" on
 * one of them means the call was answered, a Hangup before that means it failed. An OriginateResponse is trusted
 * only when it says Failure (Asterisk gave up on the call; when no channel could be created, as for the captured
 * originate to a missing extension that set no variable, it is the only event tied to the action); a Success one
 * is only logged.
 */
public final class OriginateTracker implements ManagerEventListener {
    static final String VARIABLE = "HOTLINE_ACTION";
    private static final Logger LOG = LoggerFactory.getLogger(OriginateTracker.class);
    private static final int UP = 6;
    private final Map<String, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> actionOfChannel = new ConcurrentHashMap<>();

    /** How an originated call ended up according to its channels. */
    sealed interface Outcome {
        record Answered(String uniqueId) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }

    CompletableFuture<Outcome> expect(String actionId) {
        return pending.computeIfAbsent(actionId, id -> new CompletableFuture<>());
    }

    void forget(String actionId) {
        pending.remove(actionId);
        actionOfChannel.values().removeIf(actionId::equals);
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        switch (event) {
            case VarSetEvent v when VARIABLE.equals(v.getVariable()) && pending.containsKey(v.getValue()) ->
                    actionOfChannel.put(v.getUniqueId(), v.getValue());
            case NewStateEvent s when s.getChannelState() != null && s.getChannelState() == UP ->
                    complete(s.getUniqueId(), new Outcome.Answered(s.getUniqueId()));
            case HangupEvent h -> complete(h.getUniqueId(), new Outcome.Failed("hung up before answer, cause "
                    + h.getCause() + " " + h.getCauseTxt()));
            case OriginateResponseEvent r -> onResponse(r);
            default -> {
            }
        }
    }

    private void onResponse(OriginateResponseEvent r) {
        LOG.debug("OriginateResponse {} reason {} for {}", r.getResponse(), r.getReason(), r.getActionId());
        // one lookup: the waiter may give up (and forget the action) at any moment
        CompletableFuture<Outcome> f = r.getActionId() == null ? null : pending.get(r.getActionId());
        if (f != null && "Failure".equalsIgnoreCase(r.getResponse())) {
            f.complete(new Outcome.Failed("OriginateResponse Failure, reason " + r.getReason()));
        }
    }

    private void complete(String uniqueId, Outcome outcome) {
        String actionId = uniqueId == null ? null : actionOfChannel.get(uniqueId);
        if (actionId == null) {
            return;
        }
        CompletableFuture<Outcome> f = pending.get(actionId);
        if (f != null) {
            f.complete(outcome);
        }
    }
}
