package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.WebhookEndpoint;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.store.InMemoryProviderStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookDeliveryTest {
    @ParameterizedTest
    @CsvSource({"200,Confirmed", "204,Confirmed", "299,Confirmed", "500,Retry", "503,Retry", "408,Retry",
            "429,Retry", "400,Rejected", "401,Rejected", "404,Rejected", "410,Rejected", "302,Rejected"})
    void statusShouldDecideBetweenDoneRetryAndGivingUp(int status, String outcome) {
        DeliveryOutcome result = WebhookDelivery.outcome(status);
        assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
    }

    /**
     * The peak's pool waited on a read of the offer before each post (docs/simulated-day.md, 2026-12-06 02:31 UTC):
     * the offers of a claim are read together when it is claimed, and each delivery uses what was read then.
     */
    @Test
    void theOffersOfAClaimShouldBeReadOnceTogetherAndNotAgainBeforeEachPost() {
        List<Collection<OfferId>> batchReads = new ArrayList<>();
        List<OfferId> singleReads = new ArrayList<>();
        Map<OfferId, OfferState> states = Map.of(new OfferId("o-1"), OfferState.ACCEPTED,
                new OfferId("o-2"), OfferState.EXPIRED);
        WebhookDelivery delivery = new WebhookDelivery(providers(), Duration.ofSeconds(1), Clock.systemUTC(), id -> {
            singleReads.add(id);
            return Optional.ofNullable(states.get(id));
        }, ids -> {
            batchReads.add(Set.copyOf(ids));
            return states;
        }, WebhookDelivery.NO_ROTATION);
        List<OutboxEntry> rows = List.of(row(1, "offer.offered", "o-1"), row(2, "offer.reminder", "o-2"),
                row(3, "offer.withdrawn", "o-3"));

        delivery.claimed(rows);
        List<DeliveryOutcome> outcomes = rows.subList(0, 2).stream().map(delivery::deliver).toList();

        assertThat(batchReads).containsExactly(Set.of(new OfferId("o-1"), new OfferId("o-2")));
        assertThat(singleReads).as("reads of one offer before a post").isEmpty();
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(DeliveryOutcome.Confirmed.class))
                .extracting(o -> ((DeliveryOutcome.Confirmed) o).detail())
                .containsExactly("not sent: offer.offered of offer o-1, which is now ACCEPTED",
                        "not sent: offer.reminder of offer o-2, which is now EXPIRED");
    }

    @Test
    void aRowNotReadAtItsClaimShouldReadItsOfferBeforeThePost() {
        List<OfferId> singleReads = new ArrayList<>();
        WebhookDelivery delivery = new WebhookDelivery(providers(), Duration.ofSeconds(1), Clock.systemUTC(), id -> {
            singleReads.add(id);
            return Optional.of(OfferState.DECLINED);
        });

        DeliveryOutcome outcome = delivery.deliver(row(7, "offer.offered", "o-7"));

        assertThat(singleReads).containsExactly(new OfferId("o-7"));
        assertThat(outcome).isEqualTo(new DeliveryOutcome.Confirmed(
                "not sent: offer.offered of offer o-7, which is now DECLINED"));
    }

    private static OutboxEntry row(long id, String event, String offer) {
        String body = "{\"event\":\"" + event + "\",\"offerId\":\"" + offer + "\"}";
        return new OutboxEntry(id, new OutboxMessage(OutboxMessage.WEBHOOK, "HK-01", body, "k-" + id),
                Optional.empty(), 1, Instant.parse("2026-12-06T01:30:00Z"));
    }

    private static ProviderCache providers() {
        InMemoryProviderStore store = new InMemoryProviderStore();
        store.save(new Provider(ProviderId.of("HK-01"), ProviderKind.PARTNER_COMPANY, "家政公司HK-01",
                Set.of(ServiceCode.of("HK-01")), Coverage.of("海曙区"), OpeningHours.of("24h"), new Capacity(5),
                new ContactChannels(Optional.of(new WebhookEndpoint(URI.create("http://127.0.0.1:9/hook"),
                        "secret-HK-01-0123456789")), Optional.empty(), Optional.empty()), ProviderStatus.ACTIVE,
                new Rating(4.0)));
        return new ProviderCache(store, Duration.ofMinutes(1), Clock.systemUTC());
    }
}
