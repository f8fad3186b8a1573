package org.hotline81890.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
