package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.store.OfferStore;

/**
 * The offer store as the dispatcher sees it: reads and writes go straight through, but the two load aggregates
 * (active jobs per provider, paid jobs accepted in the fairness window) are reused for {@code ttl}. They scan many
 * offers, and every dispatch asks for them; a few hundred milliseconds of staleness only blurs capacity and
 * fairness by the handful of jobs accepted meanwhile. A zero ttl reads them every time.
 *
 * <p>In a burst, though, every decision in one ttl would see the same aggregate and pick the same firm. So the
 * offers made through this store that the aggregate cannot show yet ({@link RecentOffers}) count on top of it, as
 * an active job and a recent paid job of their provider: the next decision in the burst already knows the firm
 * just got one. Give the provider actions this same instance so it sees answers too.
 */
public final class LoadCachingOffers extends ForwardingOfferStore {
    private final Duration ttl;
    private final Clock clock;
    private final LongSupplier nanoTicker;
    private final Aggregate active = new Aggregate();
    private final Aggregate accepted = new Aggregate();
    private final RecentOffers recent;

    private record Cached(Map<ProviderId, Integer> value, Instant readAt, Instant key, long readNanos) {
    }

    /** The {@code ttl} measured on {@code clock} (a test's clock). */
    public LoadCachingOffers(OfferStore store, Duration ttl, Clock clock) {
        this(store, ttl, clock, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /**
     * The {@code ttl} measured on {@code nanoTicker}: wall time ({@link System#nanoTime}) in the gateway, so a
     * simulated clock at 60x does not re-read the aggregates sixty times as often (ADR 0037). {@code clock} still
     * dates the reads against the offers made meanwhile ({@link RecentOffers}).
     */
    public LoadCachingOffers(OfferStore store, Duration ttl, Clock clock, LongSupplier nanoTicker) {
        super(store);
        this.ttl = ttl;
        this.clock = clock;
        this.nanoTicker = nanoTicker;
        this.recent = new RecentOffers(clock);
    }

    private boolean young(Cached c) {
        return nanoTicker.getAsLong() - c.readNanos() < ttl.toNanos();
    }

    @Override
    public Map<ProviderId, Integer> activeJobCounts() {
        Instant now = clock.instant();
        return withRecent(active.get(this::young,
                () -> new Cached(store.activeJobCounts(), now, now, nanoTicker.getAsLong())));
    }

    @Override
    public Map<ProviderId, Integer> acceptedSince(Instant since) {
        Instant now = clock.instant();
        return withRecent(accepted.get(
                c -> young(c) && !since.isBefore(c.key().minus(ttl)),
                () -> new Cached(store.acceptedSince(since), now, since, nanoTicker.getAsLong())));
    }

    private Map<ProviderId, Integer> withRecent(Cached c) {
        Cached a = active.cached;
        Cached b = accepted.cached;
        if (a != null && b != null) {
            recent.seenBy(a.readAt().isBefore(b.readAt()) ? a.readAt() : b.readAt());
        }
        return recent.on(c.value(), c.readAt());
    }

    /**
     * One cached aggregate, read once at a time. Each read scans thousands of offers; if every dispatch arriving
     * during a read started the same read, the database would spend its CPU on duplicate scans (docs/partners.md). So
     * the first caller reads; the others go on with the stale value (plus {@link RecentOffers}, which still counts
     * what it cannot show: capacity is over-counted a little, never under-counted). With nothing cached yet, they
     * wait for it. A zero ttl reads every time, as before.
     */
    private final class Aggregate {
        private final ReentrantLock reading = new ReentrantLock();
        private volatile Cached cached;

        Cached get(Predicate<Cached> fresh, Supplier<Cached> read) {
            Cached c = cached;
            if (c != null && fresh.test(c)) {
                return c;
            }
            if (ttl.isZero()) {
                cached = read.get();
                return cached;
            }
            if (c != null && !reading.tryLock()) {
                return c;
            }
            if (c == null) {
                reading.lock();
            }
            try {
                // another caller may have read it while this one waited for the lock
                Cached now = cached;
                if (now == null || !fresh.test(now)) {
                    now = read.get();
                    cached = now;
                }
                return now;
            } finally {
                reading.unlock();
            }
        }
    }

    @Override
    public void save(Offer offer) {
        store.save(offer);
        recent.saved(offer);
    }
}
