package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.partners.ProviderId;

/** {@link ProviderKeys} in memory, with the MySQL adapter's rules (suspension is a set the test fills). */
public final class InMemoryProviderKeys implements ProviderKeys {
    private record Key(String hash, ProviderId provider, Instant createdAt, Optional<String> prefix,
                       Optional<Instant> revokedAt, Optional<Instant> expiresAt) {
        String name() {
            return prefix.orElse("sha256:" + hash.substring(0, Math.min(12, hash.length())));
        }

        Key revoked(Instant at) {
            return new Key(hash, provider, createdAt, prefix, Optional.of(at), expiresAt);
        }

        Key expiring(Instant at) {
            return new Key(hash, provider, createdAt, prefix, revokedAt, Optional.of(at));
        }
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Set<ProviderId> suspended = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public InMemoryProviderKeys(Clock clock) {
        this.clock = clock;
    }

    public void suspend(ProviderId provider) {
        suspended.add(provider);
    }

    @Override
    public void add(ProviderId provider, String keyHash, Instant at) {
        put(provider, keyHash, Optional.empty(), at);
    }

    @Override
    public void add(ProviderId provider, String keyHash, String prefix, Instant at) {
        put(provider, keyHash, Optional.of(prefix), at);
    }

    private void put(ProviderId provider, String keyHash, Optional<String> prefix, Instant at) {
        keys.merge(keyHash, new Key(keyHash, provider, at, prefix, Optional.empty(), Optional.empty()),
                (was, now) -> new Key(keyHash, provider, was.createdAt(), was.prefix(),
                        Optional.empty(), Optional.empty()));
    }

    @Override
    public Optional<ProviderId> providerOf(String keyHash) {
        Instant now = clock.instant();
        return Optional.ofNullable(keys.get(keyHash))
                .filter(k -> k.revokedAt().isEmpty() && k.expiresAt().map(now::isBefore).orElse(true))
                .map(Key::provider).filter(p -> !suspended.contains(p));
    }

    @Override
    public List<KeyInfo> keysOf(ProviderId provider) {
        return keys.values().stream().filter(k -> k.provider().equals(provider))
                .sorted(Comparator.comparing(Key::createdAt).reversed().thenComparing(Key::hash))
                .map(k -> new KeyInfo(k.name(), k.createdAt(), k.revokedAt(), k.expiresAt())).toList();
    }

    @Override
    public synchronized int revoke(ProviderId provider, String prefix, Instant at) {
        List<Key> hit = keys.values().stream().filter(k -> k.provider().equals(provider)
                && k.revokedAt().isEmpty() && matches(k, prefix)).toList();
        hit.forEach(k -> keys.put(k.hash(), k.revoked(at)));
        return hit.size();
    }

    private static boolean matches(Key k, String prefix) {
        return prefix.startsWith("sha256:") ? k.hash().startsWith(prefix.substring(7)) : k.prefix().equals(
                Optional.of(prefix));
    }

    @Override
    public synchronized int expireOthers(ProviderId provider, String keepHash, Instant until) {
        List<Key> hit = keys.values().stream().filter(k -> k.provider().equals(provider)
                && !k.hash().equals(keepHash) && k.revokedAt().isEmpty()
                && k.expiresAt().map(until::isBefore).orElse(true)).toList();
        hit.forEach(k -> keys.put(k.hash(), k.expiring(until)));
        return hit.size();
    }

    @Override
    public void forget(ProviderId provider) {
        // Nothing remembered beyond the map itself.
    }
}
