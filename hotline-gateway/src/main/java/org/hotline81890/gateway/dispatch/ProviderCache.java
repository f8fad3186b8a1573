package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.dispatch.ProviderIndex;
import org.hotline81890.partners.store.ProviderStore;

/**
 * The providers as dispatch sees them: the table, re-read every {@code ttl} (or after an import). A one-entry
 * Caffeine cache that refreshes ahead: once {@code ttl} has passed, the next caller starts a re-read on
 * {@code reloads} and goes on with the list in hand, as do the callers arriving while it runs; only the first read
 * (and the first after {@link #invalidate}) makes its caller wait. A decision therefore never waits for a re-read
 * (which also tallies every provider's survey scores, ADR 0037), and no re-read runs inside a decision's locked
 * transaction. A zero {@code ttl} reads the table on every call (tests that change providers and dispatch at once).
 *
 * <p>{@code nanoTicker} measures the {@code ttl}: wall time ({@link System#nanoTime}) in the gateway, whatever clock
 * the hotline's deadlines run on, so a simulated clock at 60x does not re-read the table sixty times as often.
 */
public final class ProviderCache implements Supplier<ProviderIndex> {
    private static final String ALL = "all";
    private final LoadingCache<String, ProviderIndex> index;

    /** Expiring on {@code clock} (a test's clock), re-read by the caller that finds it expired. */
    public ProviderCache(ProviderStore store, Duration ttl, Clock clock) {
        this.index = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build(k -> ProviderIndex.of(store.all()));
    }

    /** Refreshing ahead every {@code ttl} of {@code nanoTicker} on {@code reloads} (the gateway's). */
    public ProviderCache(ProviderStore store, Duration ttl, LongSupplier nanoTicker, Executor reloads) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(1).ticker(nanoTicker::getAsLong);
        this.index = (ttl.isZero() ? builder.expireAfterWrite(ttl) : builder.refreshAfterWrite(ttl).executor(reloads))
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
