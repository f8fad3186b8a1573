package org.hotline81890.gateway.callback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: the callback list agents work through (table {@code callback_request}). */
public interface CallbackRequests {
    /** Adds an open request; with a key already used, returns that request unchanged. */
    CallbackRequest add(String key, String number, CallbackReason reason, Instant at);

    /** Open requests, oldest first, at most {@code limit}. */
    List<CallbackRequest> listOpen(int limit);

    Optional<CallbackRequest> find(long id);

    /** Closes an open request; false when there is none with this id or it was closed already. */
    boolean close(long id, String by, Instant at);
}
