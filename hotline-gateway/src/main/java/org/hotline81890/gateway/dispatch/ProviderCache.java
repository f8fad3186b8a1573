package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.dispatch.ProviderIndex;
import org.hotline81890.partners.store.ProviderStore;

/** The providers as dispatch sees them: the table, re-read at most every {@code ttl} (or after an import). */
public final class ProviderCache implements Supplier<ProviderIndex> {
    private final ProviderStore store;
    private final Duration ttl;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(ProviderIndex index, Instant readAt) {
    }

    public ProviderCache(ProviderStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public ProviderIndex get() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || !now.isBefore(s.readAt().plus(ttl))) {
            s = new Snapshot(ProviderIndex.of(store.all()), now);
            snapshot = s;
        }
        return s.index();
    }

    public Optional<Provider> find(ProviderId id) {
        return get().find(id);
    }

    /** Forget what was read: the next dispatch sees the table as it is now. */
    public void invalidate() {
        snapshot = null;
    }
}
