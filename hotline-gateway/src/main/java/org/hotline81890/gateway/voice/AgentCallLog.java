package org.hotline81890.gateway.voice;

import java.time.Instant;
import java.util.Optional;

/** Driven port: the agents' queue calls with their channels, so a desk acts only on its agent's own live call. */
public interface AgentCallLog {
    /** The agent answered; a repeat of the same call keeps the first. */
    void connected(LiveCall call);

    /** The call ended for that agent. */
    void ended(String uniqueId, String extension, Instant at);

    /**
     * Runs {@code writes} as one unit where the store can (one transaction, one commit): the end of a call and the
     * wrap-up it begins ({@link WrapUps#begin}, kept in the same database) are written together. If it throws,
     * neither is written.
     */
    default void together(Runnable writes) {
        writes.run();
    }

    /** The agent's call with that uniqueid, if it is theirs and still live. */
    Optional<LiveCall> live(String extension, String uniqueId);

    /** The agent's latest live call, if any. */
    Optional<LiveCall> current(String extension);

    record LiveCall(String uniqueId, String extension, String callerChannel, String agentChannel, Instant at) {
    }
}
