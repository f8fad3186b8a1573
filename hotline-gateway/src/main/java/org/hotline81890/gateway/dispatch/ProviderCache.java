package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.dispatch.ProviderIndex;
import org.hotline81890.partners.store.ProviderStore;

/**
 * The providers as dispatch sees them: the table, re-read at most every {@code ttl} (or after an import). A
 * one-entry Caffeine cache on the given clock: one caller re-reads, callers arriving meanwhile wait for it.
 */
public final class ProviderCache implements Supplier<ProviderIndex> {
    private static final String ALL = "all";
    private final LoadingCache<String, ProviderIndex> index;

    public ProviderCache(ProviderStore store, Duration ttl, Clock clock) {
        this.index = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build(k -> ProviderIndex.of(store.all()));
    }

    @Override
    public ProviderIndex get() {
        return index.get(ALL);
    }

    public Optional<Provider> find(ProviderId id) {
        return get().find(id);
    }

    /** Forget what was read: the next dispatch sees the table as it is now. */
    public void invalidate() {
        index.invalidateAll();
    }
}
