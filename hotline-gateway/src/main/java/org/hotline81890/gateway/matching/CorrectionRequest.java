package org.hotline81890.gateway.matching;

import java.util.Objects;
import java.util.Optional;

/**
 * What the agent desk sends when an agent picks a service for a request: the resident's text, the matcher's first
 * answer as the desk showed it, the agent's choice (a service code or {@code NONE}), the request type, who, and
 * whether that person is a supervisor (a supervisor's choice is confirmed at once).
 */
public record CorrectionRequest(String text, String matcherFirst, String chosen, String requestType, String agent,
                                boolean supervisor, Optional<String> ticket) {
    public CorrectionRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(matcherFirst, "matcherFirst");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(ticket, "ticket");
    }
}
