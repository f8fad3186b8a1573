package org.hotline81890.gateway.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A resident to call back: an item on the agents' callback list, not a work order (there are no words to match
 * yet; the agent who calls back opens the order). Open until an agent closes it.
 *
 * @param key    idempotency key of the request ({@code phone:<uniqueid>}): the same call never asks twice
 * @param number the resident's number, normalised
 */
public record CallbackRequest(long id, String key, String number, CallbackReason reason, Instant requestedAt,
                              Optional<Closed> closed) {
    public CallbackRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(closed, "closed");
    }

    /** Who closed it and when. */
    public record Closed(String by, Instant at) {
        public Closed {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    public boolean isOpen() {
        return closed.isEmpty();
    }
}
