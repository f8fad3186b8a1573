package org.hotline81890.gateway.voice;

import java.time.Instant;
import java.util.Optional;

/** Driven port: an agent's desk is told of a state the telephony system put it in (on a call, wrap-up, paused). */
public interface DeskStates {
    void changed(String extension, Shown shown);

    /** What the state bar shows: the state, its reason, since when, and when after-call work is due to end. */
    record Shown(AgentState state, String reason, Instant since, Optional<Instant> until) {
    }
}
