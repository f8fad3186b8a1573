package org.hotline81890.gateway.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of {@link PartStore}; {@code down} makes every call fail as an unavailable database would, and
 * {@code delay} makes every call that long (a slow one).
 */
public final class InMemoryPartStore implements PartStore {
    private final Map<PartKey, Map<Integer, StagedPart>> parts = new ConcurrentHashMap<>();
    private final Map<PartKey, Map<Integer, StagedPart>> completed = new ConcurrentHashMap<>();
    public volatile boolean down;
    public volatile Duration delay = Duration.ZERO;

    @Override
    public synchronized Saved save(StagedPart part) {
        check();
        StagedPart done = completed.getOrDefault(part.key(), Map.of()).get(part.sequence());
        if (done != null && done.text().equals(part.text())) {
            return Saved.ALREADY_COMPLETED;
        }
        if (done != null) {
            completed.remove(part.key());
        }
        parts.computeIfAbsent(part.key(), k -> new ConcurrentHashMap<>()).putIfAbsent(part.sequence(), part);
        return Saved.STAGED;
    }

    @Override
    public List<StagedPart> load(PartKey key) {
        check();
        return new ArrayList<>(parts.getOrDefault(key, Map.of()).values());
    }

    @Override
    public synchronized void delete(PartKey key) {
        check();
        Map<Integer, StagedPart> done = parts.remove(key);
        if (done != null) {
            completed.put(key, done);
        }
    }

    @Override
    public List<PartKey> keysStagedBefore(Instant cutoff) {
        check();
        return parts.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(p -> p.receivedAt().isBefore(cutoff)))
                .map(Map.Entry::getKey).toList();
    }

    /** Messages with parts still staged (not completed). */
    public int size() {
        return parts.size();
    }

    private void check() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) {
            throw new IllegalStateException("part store unavailable");
        }
    }
}
