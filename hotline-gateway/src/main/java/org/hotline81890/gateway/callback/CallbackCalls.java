package org.hotline81890.gateway.callback;

import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.voice.OriginateRequest;
import org.hotline81890.gateway.workorder.Outbox;

/**
 * Use case: an agent calls back an item of the callback list with one click. The item is closed for that agent
 * first (two agents clicking at once: one wins, the other is told), then the call is an outbox row: the agent's
 * phone rings, then the resident (click-to-call through AMI, retried by the relay like every originate).
 */
public final class CallbackCalls {
    private final Callbacks callbacks;
    private final CallbackRequests requests;
    private final Outbox outbox;

    public CallbackCalls(Callbacks callbacks, CallbackRequests requests, Outbox outbox) {
        this.callbacks = callbacks;
        this.requests = requests;
        this.outbox = outbox;
    }

    public sealed interface Result {
        record Calling(String number) implements Result {
        }

        /** No such item, or another agent took it already. */
        record NotOpen() implements Result {
        }
    }

    public List<CallbackRequest> open(int limit) {
        return callbacks.open(limit);
    }

    /** {@code agentChannel} is the agent's phone as the telephony system dials it. */
    public Result call(long id, String agent, String agentChannel) {
        Optional<CallbackRequest> item = requests.find(id).filter(CallbackRequest::isOpen);
        if (item.isEmpty() || !callbacks.close(id, agent)) {
            return new Result.NotOpen();
        }
        String number = item.get().number();
        outbox.enqueue(Optional.empty(), List.of(OriginateRequest.clickToCall(agentChannel, number, Optional.empty(),
                "callback-" + id)));
        return new Result.Calling(number);
    }
}
