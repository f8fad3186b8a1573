package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.TestProviders;
import org.hotline81890.partners.store.InMemoryProviderStore;
import org.hotline81890.partners.store.ProviderStore;
import org.junit.jupiter.api.Test;

/**
 * The provider list dispatch reads: once its ttl has passed, a re-read runs beside the decisions, which go on with
 * the list in hand; none waits for it (the simulated day's decisions queued behind each re-read, ADR 0037).
 */
class ProviderCacheTest {
    private final InMemoryProviderStore table = new InMemoryProviderStore();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean slow = new AtomicBoolean();
    private final CountDownLatch reading = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** The table, counting reads, and holding a read while {@code slow} is set until released. */
    private final ProviderStore counting = new ProviderStore() {
        @Override
        public void save(Provider provider) {
            table.save(provider);
        }

        @Override
        public void saveAll(List<Provider> providers) {
            table.saveAll(providers);
        }

        @Override
        public Optional<Provider> find(ProviderId id) {
            return table.find(id);
        }

        @Override
        public List<Provider> all() {
            reads.incrementAndGet();
            if (slow.get()) {
                reading.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return table.all();
        }
    };

    @Test
    void afterTheTtlTheDecisionsGoOnWithTheListInHandWhileItIsReadAgain() throws Exception {
        table.save(TestProviders.provider("F-01").build());
        ProviderCache cache = new ProviderCache(counting, Duration.ofSeconds(5), nanos::get,
                r -> Thread.ofVirtual().start(r));
        assertThat(cache.get().size()).as("the first read waits: nothing in hand yet").isEqualTo(1);
        table.save(TestProviders.provider("F-02").build());
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        slow.set(true);
        assertThat(cache.get().size()).as("expired: this caller starts the re-read and goes on").isEqualTo(1);
        assertThat(reading.await(10, TimeUnit.SECONDS)).as("the re-read runs beside the caller").isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(cache.find(ProviderId.of("F-01"))).as("callers meanwhile get the list in hand at once")
                    .isPresent();
        }
        assertThat(reads).as("one read for the first fill, one re-read").hasValue(2);
        release.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cache.find(ProviderId.of("F-02")).isEmpty() && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertThat(cache.find(ProviderId.of("F-02"))).as("the re-read's list replaces it").isPresent();
        assertThat(reads).hasValue(2);
    }

    @Test
    void withinTheTtlNothingIsReadAndAnInvalidationIsSeenByTheNextCaller() {
        table.save(TestProviders.provider("F-01").build());
        ProviderCache cache = new ProviderCache(counting, Duration.ofSeconds(5), nanos::get,
                r -> Thread.ofVirtual().start(r));
        cache.get();
        table.save(TestProviders.provider("F-02").build());
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(cache.find(ProviderId.of("F-02"))).isEmpty();
        assertThat(reads).hasValue(1);
        cache.invalidate();
        assertThat(cache.find(ProviderId.of("F-02"))).as("after an import: the table as it is now").isPresent();
    }

    @Test
    void aZeroTtlReadsTheTableOnEveryCall() {
        table.save(TestProviders.provider("F-01").build());
        ProviderCache cache = new ProviderCache(counting, Duration.ZERO, nanos::get,
                r -> Thread.ofVirtual().start(r));
        cache.get();
        table.save(TestProviders.provider("F-02").build());
        assertThat(cache.find(ProviderId.of("F-02"))).isPresent();
        assertThat(reads).hasValue(2);
    }
}
