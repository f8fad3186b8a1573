package org.hotline81890.gateway.workorder;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hotline81890.directory.RequestType;

/**
 * What the directory made of a request: the service (if any fits), request type, priority, the service levels to
 * promise, and a human-readable reason for agents.
 */
public record Classification(Optional<String> serviceCode, RequestType requestType, Priority priority,
                             Optional<Duration> respondWithin, Optional<Duration> completeWithin, String reason) {
    public Classification {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(respondWithin, "respondWithin");
        Objects.requireNonNull(completeWithin, "completeWithin");
        reason = reason == null ? "" : reason;
    }
}
