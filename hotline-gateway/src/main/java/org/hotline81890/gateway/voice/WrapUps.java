package org.hotline81890.gateway.voice;

import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the agents' after-call work (话后整理), one row per call an agent finished: begun when the call ends,
 * finished with the wrap-up code the agent picked. Shared by every node, so a desk on any node sees it.
 */
public interface WrapUps {
    /** An agent's call ended; a repeat for the same call keeps the first. */
    void begin(String extension, String uniqueId, Instant at);

    /** The agent's unfinished wrap-up, if any (the latest). */
    Optional<Open> open(String extension);

    /** Records the code; false when that wrap-up was already finished. */
    boolean finish(long id, String code, String agent, Instant at);

    /** The agent left the queue with this wrap-up still due; it stays open until its code is recorded. */
    void signedOut(long id, Instant at);

    /** {@code signedOut}: the agent is out of the queue, the wrap-up still due (话后整理（已签出）). */
    record Open(long id, String extension, String uniqueId, Instant startedAt, boolean signedOut) {
    }
}
