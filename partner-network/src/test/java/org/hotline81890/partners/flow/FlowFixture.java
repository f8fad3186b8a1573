package org.hotline81890.partners.flow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.TestClock;
import org.hotline81890.partners.dispatch.AfterHours;
import org.hotline81890.partners.dispatch.BalancedDispatchPolicy;
import org.hotline81890.partners.dispatch.ProviderIndex;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.HandlingDeadlines;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferTerms;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.InMemoryHeldJobs;
import org.hotline81890.partners.store.InMemoryOfferStore;

/** The use cases wired over in-memory stores and a hand-moved clock, as the gateway wires them over MySQL. */
final class FlowFixture {
    static final OfferTerms TERMS = new OfferTerms(Duration.ofMinutes(5), Map.of(ServiceCode.of("HK-03"),
            Duration.ofMinutes(30)), Duration.ofHours(2), 1, Duration.ofDays(5), Duration.ofDays(30));
    final TestClock clock = TestClock.tuesdayMorning();
    final InMemoryOfferStore offers = new InMemoryOfferStore();
    final InMemoryHeldJobs held = new InMemoryHeldJobs();
    final Dispatcher dispatcher;
    final PartnerActions actions;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Provider> providers;

    FlowFixture(List<Provider> providers) {
        this(providers, AfterHours.escalateAlways());
    }

    FlowFixture(List<Provider> providers, AfterHours afterHours) {
        this.providers = List.copyOf(providers);
        ProviderIndex index = ProviderIndex.of(providers);
        dispatcher = new Dispatcher(() -> index, offers, new BalancedDispatchPolicy(), TERMS,
                HandlingDeadlines.weekdaysOnly(), clock, () -> new OfferId("offer-" + ids.incrementAndGet()),
                afterHours, held);
        actions = new PartnerActions(offers, TERMS, clock);
    }

    Provider provider(org.hotline81890.partners.ProviderId id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static DispatchJob job(String workOrder, String service) {
        return new DispatchJob(new WorkOrderRef(workOrder), ServiceCode.of(service), Area.of("海曙区/南门街道/柳西社区"),
                RequestKind.HELP, false);
    }
}
