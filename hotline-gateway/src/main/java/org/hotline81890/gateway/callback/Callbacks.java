package org.hotline81890.gateway.callback;

import java.time.Clock;
import java.util.List;

import org.hotline81890.gateway.workorder.PhoneNumbers;

/**
 * The callback list: callers who asked to be called back (after hours, or when the queue timed out) become items
 * for the agents, never a work order through the matcher. The agent desk lists the open ones and closes them.
 */
public final class Callbacks {
    /** Most items one listing returns. */
    public static final int MAX_LIST = 500;
    private final CallbackRequests requests;
    private final Clock clock;

    public Callbacks(CallbackRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Records a request; the same key again (the same call) gives the first one back. */
    public CallbackRequest request(String key, String callerNumber, CallbackReason reason) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("a callback request needs a key");
        }
        return requests.add(key, PhoneNumbers.normalise(callerNumber), reason, clock.instant());
    }

    public List<CallbackRequest> open(int limit) {
        return requests.listOpen(Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /** The agent called back: the item leaves the list. False when it was not open. */
    public boolean close(long id, String agent) {
        return requests.close(id, agent, clock.instant());
    }
}
