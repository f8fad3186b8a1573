package org.hotline81890.gateway.people;

import java.time.Instant;
import java.util.Optional;

/** Driven port: web sessions, shared by every gateway node. Only a hash of the session's secret is stored. */
public interface SessionStore {
    /** A stored session with its person as they are now (role, provider and disabled read fresh). */
    record Stored(Person person, String csrfToken, Instant lastSeen) {
    }

    void create(byte[] tokenHash, long personId, String csrfToken, Instant at);

    Optional<Stored> find(byte[] tokenHash);

    void touch(byte[] tokenHash, Instant at);

    void end(byte[] tokenHash);

    void endAllOf(long personId);

    /** Deletes sessions not seen since {@code before}; returns how many. */
    int endIdleBefore(Instant before);
}
