package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.TestClock;
import org.hotline81890.partners.TestProviders;
import org.hotline81890.partners.dispatch.BalancedDispatchPolicy;
import org.hotline81890.partners.dispatch.ProviderIndex;
import org.hotline81890.partners.flow.DispatchResult;
import org.hotline81890.partners.flow.Dispatcher;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.HandlingDeadlines;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferTerms;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.InMemoryOfferStore;
import org.hotline81890.partners.store.OfferStore;
import org.junit.jupiter.api.Test;

/** The cached load view in a burst: the offers this node just made count before the aggregate is read again. */
class LoadCachingOffersTest {
    private static final int FIRMS = 8;
    private static final int BURST = 60;
    private final TestClock clock = TestClock.tuesdayMorning();
    private final InMemoryOfferStore store = new InMemoryOfferStore();
    private final AtomicInteger ids = new AtomicInteger();
    private LoadCachingOffers offers = new LoadCachingOffers(store, Duration.ofSeconds(30), clock);

    @Test
    void aBurstForOneServiceSpreadsOverTheFirmsWithinTheCacheTtl() {
        assertFairBurst(Duration.ZERO);
    }

    @Test
    void aBurstSpreadsAcrossAggregateReadsWhileTheOffersAreUnanswered() {
        offers = new LoadCachingOffers(store, Duration.ofMillis(500), clock);
        assertFairBurst(Duration.ofMillis(200));
    }

    private void assertFairBurst(Duration between) {
        Dispatcher dispatcher = dispatcher(firms());
        Map<ProviderId, Integer> perFirm = new HashMap<>();
        for (int i = 0; i < BURST; i++) {
            clock.advance(between);
            DispatchResult result = dispatcher.dispatch(job("wo-" + i));
            assertThat(result).isInstanceOf(DispatchResult.Offered.class);
            perFirm.merge(((DispatchResult.Offered) result).offer().provider(), 1, Integer::sum);
        }
        int fairShare = (BURST + FIRMS - 1) / FIRMS;
        assertThat(perFirm).hasSize(FIRMS);
        assertThat(perFirm.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(fairShare));
    }

    @Test
    void offersMadeCountOnTopOfTheCachedAggregateUntilAReadShowsThem() {
        Offer made = Offer.assignment(new OfferId("o-1"), job("wo-1"), ProviderId.of("F-01"), clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(offers.activeJobCounts()).isEmpty();
        offers.save(made);
        assertThat(offers.activeJobCounts()).containsEntry(ProviderId.of("F-01"), 1);
        assertThat(offers.acceptedSince(clock.instant().minus(Duration.ofDays(30))))
                .containsEntry(ProviderId.of("F-01"), 1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(offers.activeJobCounts()).as("still unanswered after a read")
                .containsEntry(ProviderId.of("F-01"), 1);
        offers.save(made.accept(clock.instant()));
        assertThat(offers.activeJobCounts()).as("accepted after the read").containsEntry(ProviderId.of("F-01"), 1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(offers.activeJobCounts()).as("read again: the store's count, not counted twice")
                .containsExactlyEntriesOf(Map.of(ProviderId.of("F-01"), 1));
    }

    @Test
    void aDeclinedOfferStopsCountingAtOnce() {
        Offer made = Offer.assignment(new OfferId("o-2"), job("wo-2"), ProviderId.of("F-02"), clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5)));
        offers.save(made);
        assertThat(offers.activeJobCounts()).containsEntry(ProviderId.of("F-02"), 1);
        offers.save(made.decline(clock.instant(), "busy"));
        assertThat(offers.activeJobCounts()).isEmpty();
    }

    @Test
    void whileOneCallerReadsAnExpiredAggregateTheOthersUseTheStaleOne() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean slow = new AtomicBoolean();
        InMemoryOfferStore slowStore = new InMemoryOfferStore();
        // every call goes to the in-memory store; activeJobCounts is counted, and held while slow is set
        OfferStore counting = (OfferStore) Proxy.newProxyInstance(OfferStore.class.getClassLoader(),
                new Class<?>[] {OfferStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("activeJobCounts")) {
                        reads.incrementAndGet();
                        if (slow.get()) {
                            reading.countDown();
                            // bounded: without the single read, the callers below would all end up here
                            release.await(2, TimeUnit.SECONDS);
                        }
                    }
                    return method.invoke(slowStore, args);
                });
        offers = new LoadCachingOffers(counting, Duration.ofMillis(500), clock);
        Offer job = Offer.assignment(new OfferId("o-3"), job("wo-3"), ProviderId.of("F-03"), clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5)));
        slowStore.save(job);
        slowStore.save(job.accept(clock.instant()));
        assertThat(offers.activeJobCounts()).containsEntry(ProviderId.of("F-03"), 1);
        clock.advance(Duration.ofSeconds(1));
        slow.set(true);
        Thread reader = Thread.ofVirtual().start(offers::activeJobCounts);
        assertThat(reading.await(10, TimeUnit.SECONDS)).as("the first caller reads").isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(offers.activeJobCounts()).as("the others get the stale aggregate at once")
                    .containsEntry(ProviderId.of("F-03"), 1);
        }
        assertThat(reads).as("one read for the first fill, one for the refresh").hasValue(2);
        release.countDown();
        reader.join(Duration.ofSeconds(10));
        assertThat(reader.isAlive()).isFalse();
        slow.set(false);
        offers.activeJobCounts();
        assertThat(reads).as("the refreshed aggregate is used until the ttl runs out again").hasValue(2);
    }

    private Dispatcher dispatcher(List<Provider> providers) {
        ProviderIndex index = ProviderIndex.of(providers);
        OfferTerms terms = new OfferTerms(Duration.ofMinutes(5), Map.of(), Duration.ofHours(2), 1,
                Duration.ofDays(5), Duration.ofDays(30));
        return new Dispatcher(() -> index, offers, new BalancedDispatchPolicy(), terms,
                HandlingDeadlines.weekdaysOnly(), clock, () -> new OfferId("offer-" + ids.incrementAndGet()));
    }

    private static List<Provider> firms() {
        List<Provider> firms = new ArrayList<>();
        for (int i = 1; i <= FIRMS; i++) {
            firms.add(TestProviders.provider(String.format("F-%02d", i)).capacity(1000).build());
        }
        return firms;
    }

    private static DispatchJob job(String workOrder) {
        return new DispatchJob(new WorkOrderRef(workOrder), ServiceCode.of("HK-01"), Area.of("海曙区/南门街道/柳西社区"),
                RequestKind.HELP, false);
    }
}
