package org.hotline81890.gateway.workorder;

import java.util.Objects;

/** What a use case wants appended to the history; the store adds the id, sequence and time. */
public record EventDraft(String actor, Channel channel, WorkOrderState to, String details) {
    public EventDraft {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        actor = actor == null || actor.isBlank() ? "system" : actor;
        details = details == null ? "" : details;
        if (details.length() > 4000) {
            throw new IllegalArgumentException("event details longer than 4000 characters");
        }
    }
}
