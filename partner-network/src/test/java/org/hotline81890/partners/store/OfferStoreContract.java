package org.hotline81890.partners.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;

/** What every {@link OfferStore} must do; implement with a fresh, empty store per test. */
public interface OfferStoreContract {
    Instant T0 = Instant.parse("2026-03-03T02:00:00Z");

    OfferStore store();

    static DispatchJob job(String workOrder) {
        return new DispatchJob(new WorkOrderRef(workOrder), ServiceCode.of("HK-01"), Area.of("海曙区/南门街道/柳西社区"),
                RequestKind.HELP, false);
    }

    static Offer offer(String id, String workOrder, String provider, Instant at) {
        return Offer.assignment(new OfferId(id), job(workOrder), ProviderId.of(provider), at, at.plusSeconds(300));
    }

    @Test
    default void findShouldReturnEachSavedVersionWithEveryField() {
        Offer offer = offer("o1", "W1", "P-1", T0);
        store().save(offer);
        Offer accepted = offer.accept(T0.plusSeconds(30));
        store().save(accepted);
        Offer done = accepted.start(T0.plusSeconds(60)).complete(T0.plusSeconds(90), "修好了");
        assertThat(store().find(new OfferId("o1"))).contains(accepted);
        assertThat(store().find(new OfferId("nope"))).isEmpty();
        assertThatThrownBy(() -> store().save(done)).isInstanceOf(ConcurrentOfferUpdateException.class);
    }

    @Test
    default void transferFieldsShouldRoundTrip() {
        Offer transfer = Offer.transfer(new OfferId("t1"), job("W1"), ProviderId.of("DEP-WATER"), T0,
                T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(3)));
        store().save(transfer);
        Offer extended = transfer.accept(T0.plusSeconds(5)).extendHandlingTo(T0.plus(Duration.ofDays(5))).markOverdue();
        store().save(transfer.accept(T0.plusSeconds(5)));
        store().save(transfer.accept(T0.plusSeconds(5)).extendHandlingTo(T0.plus(Duration.ofDays(5))));
        store().save(extended);
        assertThat(store().find(new OfferId("t1"))).contains(extended);
    }

    @Test
    default void saveShouldRefuseAStaleVersionAndADuplicateInsert() {
        Offer offer = offer("o1", "W1", "P-1", T0);
        store().save(offer);
        assertThatThrownBy(() -> store().save(offer)).isInstanceOf(ConcurrentOfferUpdateException.class);
        store().save(offer.accept(T0.plusSeconds(1)));
        assertThatThrownBy(() -> store().save(offer.decline(T0.plusSeconds(2), "busy")))
                .isInstanceOf(ConcurrentOfferUpdateException.class);
        assertThat(store().find(offer.id()).orElseThrow().state().name()).isEqualTo("ACCEPTED");
    }

    @Test
    default void queriesShouldSelectByWorkOrderProviderAndState() {
        Offer a = offer("a", "W1", "P-1", T0);
        Offer b = offer("b", "W1", "P-2", T0.plusSeconds(10));
        Offer c = offer("c", "W2", "P-1", T0.plusSeconds(20));
        store().save(a);
        store().save(b);
        store().save(c);
        store().save(a.decline(T0.plusSeconds(5), "busy"));
        store().save(b.accept(T0.plusSeconds(15)));
        store().save(c.accept(T0.plusSeconds(25)));

        assertThat(store().forWorkOrder(new WorkOrderRef("W1"))).extracting(o -> o.id().value())
                .containsExactly("a", "b");
        assertThat(store().forProvider(ProviderId.of("P-1"))).extracting(o -> o.id().value()).containsExactly("a", "c");
        assertThat(store().activeJobCounts())
                .containsEntry(ProviderId.of("P-1"), 1)
                .containsEntry(ProviderId.of("P-2"), 1);
        assertThat(store().acceptedSince(T0.plusSeconds(20))).containsOnlyKeys(ProviderId.of("P-1"));
    }

    @Test
    default void acceptDeadlinesDueShouldListOnlyUnansweredOffersPastTheirDeadline() {
        Offer early = offer("early", "W1", "P-1", T0);
        Offer late = offer("late", "W2", "P-2", T0.plusSeconds(200));
        Offer answered = offer("answered", "W3", "P-3", T0);
        store().save(late);
        store().save(early);
        store().save(answered);
        store().save(answered.accept(T0.plusSeconds(10)));
        assertThat(store().acceptDeadlinesDue(T0.plusSeconds(299))).isEmpty();
        assertThat(store().acceptDeadlinesDue(T0.plusSeconds(600))).extracting(o -> o.id().value())
                .containsExactly("early", "late");
    }
}
