package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.store.OfferStore;
import org.hotline81890.partners.store.OfferStoreContract;
import org.junit.jupiter.api.Test;

/** What every {@link OfferHistory} must do over the offers its {@link OfferStore} saved; fake and MariaDB. */
public interface OfferHistoryContract {
    OfferStore offers();

    OfferHistory history();

    @Test
    default void offersMadeSinceAnInstantAreListedOldestFirstInTheirLatestVersion() {
        Instant t = Instant.parse("2029-03-01T08:00:00Z");
        String before = "h-" + UUID.randomUUID();
        String first = "h-" + UUID.randomUUID();
        String second = "h-" + UUID.randomUUID();
        offers().save(OfferStoreContract.offer(before, "901", "P-1", t.minusSeconds(1)));
        offers().save(OfferStoreContract.offer(second, "903", "P-2", t.plusSeconds(30)));
        offers().save(OfferStoreContract.offer(first, "902", "P-1", t));
        Offer accepted = offers().find(new OfferId(first)).orElseThrow().accept(t.plusSeconds(5));
        offers().save(accepted);

        List<Offer> since = history().offeredSince(t).stream()
                .filter(o -> List.of(before, first, second).contains(o.id().value())).toList();
        assertThat(since).extracting(o -> o.id().value()).containsExactly(first, second);
        assertThat(since.get(0)).isEqualTo(accepted);
    }
}
