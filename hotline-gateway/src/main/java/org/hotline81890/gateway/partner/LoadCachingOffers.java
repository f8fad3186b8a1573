package org.hotline81890.gateway.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.WorkOrderRef;
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
final class LoadCachingOffers implements OfferStore {
    private final OfferStore store;
    private final Duration ttl;
    private final Clock clock;
    private volatile Cached<Map<ProviderId, Integer>> active;
    private volatile Cached<Map<ProviderId, Integer>> accepted;
    private final RecentOffers recent;
    private final ReentrantLock activeRefresh = new ReentrantLock();
    private final ReentrantLock acceptedRefresh = new ReentrantLock();

    private record Cached<T>(T value, Instant readAt, Instant key) {
    }

    LoadCachingOffers(OfferStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
        this.recent = new RecentOffers(clock);
    }

    @Override
    public Map<ProviderId, Integer> activeJobCounts() {
        Instant now = clock.instant();
        Cached<Map<ProviderId, Integer>> c = active;
        if (c == null || !now.isBefore(c.readAt().plus(ttl))) {
            c = refreshed(activeRefresh, c, () -> {
                Cached<Map<ProviderId, Integer>> fresh = new Cached<>(store.activeJobCounts(), now, now);
                active = fresh;
                return fresh;
            }, () -> active, fresh -> now.isBefore(fresh.readAt().plus(ttl)));
        }
        return withRecent(c);
    }

    @Override
    public Map<ProviderId, Integer> acceptedSince(Instant since) {
        Instant now = clock.instant();
        Cached<Map<ProviderId, Integer>> c = accepted;
        if (c == null || !now.isBefore(c.readAt().plus(ttl)) || since.isBefore(c.key().minus(ttl))) {
            c = refreshed(acceptedRefresh, c, () -> {
                Cached<Map<ProviderId, Integer>> fresh = new Cached<>(store.acceptedSince(since), now, since);
                accepted = fresh;
                return fresh;
            }, () -> accepted, fresh -> now.isBefore(fresh.readAt().plus(ttl))
                    && !since.isBefore(fresh.key().minus(ttl)));
        }
        return withRecent(c);
    }

    /**
     * One read of an aggregate at a time. Each scans thousands of offers (160 ms each in a run at 200 orders a
     * second); when the ttl ran out, every dispatch arriving during the read started the same read too, and at 200
     * dispatches a second MariaDB spent more CPU on these duplicate scans than on everything else. Now the first caller
     * reads; the others go on with the stale value (plus {@link RecentOffers}, which still counts what it cannot
     * show: capacity is over-counted a little, never under-counted). With nothing cached yet, they wait for it.
     * A zero ttl reads every time, as before.
     */
    private Cached<Map<ProviderId, Integer>> refreshed(ReentrantLock lock, Cached<Map<ProviderId, Integer>> stale,
                                                       Supplier<Cached<Map<ProviderId, Integer>>> read,
                                                       Supplier<Cached<Map<ProviderId, Integer>>> current,
                                                       Predicate<Cached<Map<ProviderId, Integer>>> valid) {
        if (ttl.isZero()) {
            return read.get();
        }
        if (stale != null && !lock.tryLock()) {
            return stale;
        }
        if (stale == null) {
            lock.lock();
        }
        try {
            Cached<Map<ProviderId, Integer>> now = current.get();
            // another caller may have refreshed it while this one waited for the lock
            return now != null && valid.test(now) ? now : read.get();
        } finally {
            lock.unlock();
        }
    }

    private Map<ProviderId, Integer> withRecent(Cached<Map<ProviderId, Integer>> c) {
        Cached<Map<ProviderId, Integer>> a = active;
        Cached<Map<ProviderId, Integer>> b = accepted;
        if (a != null && b != null) {
            recent.seenBy(a.readAt().isBefore(b.readAt()) ? a.readAt() : b.readAt());
        }
        return recent.on(c.value(), c.readAt());
    }

    @Override
    public void save(Offer offer) {
        store.save(offer);
        recent.saved(offer);
    }

    @Override
    public Optional<Offer> find(OfferId id) {
        return store.find(id);
    }

    @Override
    public List<Offer> forWorkOrder(WorkOrderRef workOrder) {
        return store.forWorkOrder(workOrder);
    }

    @Override
    public List<Offer> forProvider(ProviderId provider) {
        return store.forProvider(provider);
    }

    @Override
    public List<Offer> acceptDeadlinesDue(Instant now) {
        return store.acceptDeadlinesDue(now);
    }
}
