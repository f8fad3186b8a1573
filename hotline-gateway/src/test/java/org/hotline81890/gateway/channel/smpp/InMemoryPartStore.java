package org.hotline81890.gateway.channel.smpp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of {@link PartStore}; {@code down} makes every call fail as an unavailable database would. */
public final class InMemoryPartStore implements PartStore {
    private final Map<PartKey, Map<Integer, StagedPart>> parts = new ConcurrentHashMap<>();
    public volatile boolean down;

    @Override
    public void save(StagedPart part) {
        check();
        parts.computeIfAbsent(part.key(), k -> new ConcurrentHashMap<>()).putIfAbsent(part.sequence(), part);
    }

    @Override
    public List<StagedPart> load(PartKey key) {
        check();
        return new ArrayList<>(parts.getOrDefault(key, Map.of()).values());
    }

    @Override
    public void delete(PartKey key) {
        check();
        parts.remove(key);
    }

    @Override
    public List<PartKey> keysStagedBefore(Instant cutoff) {
        check();
        return parts.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(p -> p.receivedAt().isBefore(cutoff)))
                .map(Map.Entry::getKey).toList();
    }

    public int size() {
        return parts.size();
    }

    private void check() {
        if (down) {
            throw new IllegalStateException("part store unavailable");
        }
    }
}
