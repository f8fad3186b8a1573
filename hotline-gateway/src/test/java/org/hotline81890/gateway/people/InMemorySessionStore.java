package org.hotline81890.gateway.people;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of {@link SessionStore}, reading people from an {@link InMemoryPersonStore}. */
public final class InMemorySessionStore implements SessionStore {
    private record Row(long personId, String csrf, Instant lastSeen) {
    }

    private final Map<ByteBuffer, Row> rows = new ConcurrentHashMap<>();
    private final PersonStore people;

    public InMemorySessionStore(PersonStore people) {
        this.people = people;
    }

    @Override
    public void create(byte[] tokenHash, long personId, String csrfToken, Instant at) {
        rows.put(ByteBuffer.wrap(tokenHash.clone()), new Row(personId, csrfToken, at));
    }

    @Override
    public Optional<Stored> find(byte[] tokenHash) {
        Row r = rows.get(ByteBuffer.wrap(tokenHash));
        return r == null ? Optional.empty()
                : people.find(r.personId()).map(p -> new Stored(p, r.csrf(), r.lastSeen()));
    }

    @Override
    public void touch(byte[] tokenHash, Instant at) {
        rows.computeIfPresent(ByteBuffer.wrap(tokenHash), (k, r) -> new Row(r.personId(), r.csrf(), at));
    }

    @Override
    public void end(byte[] tokenHash) {
        rows.remove(ByteBuffer.wrap(tokenHash));
    }

    @Override
    public void endAllOf(long personId) {
        rows.values().removeIf(r -> r.personId() == personId);
    }

    @Override
    public int endIdleBefore(Instant before) {
        int n = rows.size();
        rows.values().removeIf(r -> r.lastSeen().isBefore(before));
        return n - rows.size();
    }

    public int size() {
        return rows.size();
    }
}
