package org.hotline81890.gateway.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.dispatch.WebhookSecrets;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.WebhookEndpoint;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.webhook.WebhookSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbox kind {@code webhook}: a signed POST to the provider's webhook URL, with the row's dedupe key as the
 * Idempotency-Key. 2xx confirms; 5xx, 408, 429, a timeout or a refused connection retry; any other 4xx is final.
 * An {@code offer.offered} or {@code offer.reminder} is no longer true once the offer was answered, expired or
 * withdrawn: such a row is dropped (done, not sent) instead of retried, so a provider whose endpoint comes back
 * never receives a stale offer. The offers of a relay's claim are read together when it is claimed ({@link #claimed},
 * one statement for the claim, ADR 0052), not one by one before each post.
 */
public final class WebhookDelivery implements OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Events that speak of an offer waiting for an answer. */
    static final WebhookSecrets NO_ROTATION = new WebhookSecrets() {
        @Override
        public void rotate(ProviderId provider, String next, String previous, Instant previousUntil) {
            throw new UnsupportedOperationException("no rotation here");
        }

        @Override
        public Optional<String> previous(ProviderId provider, Instant now) {
            return Optional.empty();
        }
    };
    private static final Set<String> STILL_OFFERED = Set.of("offer.offered", "offer.reminder");
    private final ProviderCache providers;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final Function<OfferId, Optional<OfferState>> offerStates;
    private final Function<Collection<OfferId>, Map<OfferId, OfferState>> offerStatesOf;
    /** Read at the claim, per outbox row, taken by its delivery. */
    private final Map<Long, Ahead> readAtClaim = new ConcurrentHashMap<>();
    /** Rows read ahead and not delivered (claimed again elsewhere) are forgotten past this many. */
    private static final int MOST_READ_AHEAD = 10_000;

    private final WebhookSecrets previous;

    public WebhookDelivery(ProviderCache providers, Duration timeout, Clock clock,
                           Function<OfferId, Optional<OfferState>> offerStates) {
        this(providers, timeout, clock, offerStates, NO_ROTATION);
    }

    /** {@code previous}: a secret being rotated out signs too, until its grace period ends (ADR 0014). */
    public WebhookDelivery(ProviderCache providers, Duration timeout, Clock clock,
                           Function<OfferId, Optional<OfferState>> offerStates, WebhookSecrets previous) {
        this(providers, timeout, clock, offerStates, ids -> {
            Map<OfferId, OfferState> states = new HashMap<>();
            ids.forEach(id -> offerStates.apply(id).ifPresent(s -> states.put(id, s)));
            return states;
        }, previous);
    }

    /** {@code offerStatesOf}: the states of many offers in one read (those that exist), for {@link #claimed}. */
    public WebhookDelivery(ProviderCache providers, Duration timeout, Clock clock,
                           Function<OfferId, Optional<OfferState>> offerStates,
                           Function<Collection<OfferId>, Map<OfferId, OfferState>> offerStatesOf,
                           WebhookSecrets previous) {
        this.previous = previous;
        this.offerStates = offerStates;
        this.offerStatesOf = offerStatesOf;
        this.providers = providers;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        Ahead readAhead = readAtClaim.remove(entry.id());
        ProviderId id;
        try {
            id = ProviderId.of(entry.message().destination());
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Rejected("destination is not a provider id: " + e.getMessage());
        }
        Optional<WebhookEndpoint> endpoint = providers.find(id).flatMap(p -> p.contact().webhook());
        if (endpoint.isEmpty()) {
            return new DeliveryOutcome.Rejected("provider " + id + " has no webhook");
        }
        String body = entry.message().payload();
        Optional<String> stale = stale(readAhead == null ? null : readAhead.offer(), body);
        if (stale.isPresent()) {
            LOG.info("webhook row {} to {} not sent: {}", entry.id(), id, stale.get());
            return new DeliveryOutcome.Confirmed("not sent: " + stale.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.get().url()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Instant now = clock.instant();
        Map<String, String> headers = new WebhookSigner(endpoint.get().secret()).headers(now, body,
                entry.message().dedupeKey(), event(body));
        Optional<String> old = readAhead != null ? readAhead.previous() : previous.previous(id, now);
        old.ifPresent(secret -> headers.merge(WebhookSigner.SIGNATURE_HEADER,
                new WebhookSigner(secret).sign(now.getEpochSecond(), body), (a, b) -> a + "," + b));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return outcome(response.statusCode());
        } catch (IOException e) {
            return new DeliveryOutcome.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retry("interrupted");
        }
    }

    /**
     * Reads what the posts of these rows need from the database in two reads for all of them: the offers they speak
     * of (offers and reminders) and their providers' previous secrets (a rotation's grace), for their deliveries.
     */
    @Override
    public void claimed(List<OutboxEntry> rows) {
        Map<Long, OfferId> offers = new HashMap<>();
        Map<Long, ProviderId> to = new HashMap<>();
        for (OutboxEntry r : rows) {
            stillOffered(r.message().payload()).ifPresent(o -> offers.put(r.id(), o.offer()));
            try {
                to.put(r.id(), ProviderId.of(r.message().destination()));
            } catch (IllegalArgumentException notAProvider) {
                // rejected by its delivery
            }
        }
        if (to.isEmpty()) {
            return;
        }
        Map<OfferId, OfferState> states = offers.isEmpty() ? Map.of()
                : offerStatesOf.apply(Set.copyOf(offers.values()));
        Map<ProviderId, String> secrets = previous.previous(Set.copyOf(to.values()), clock.instant());
        if (readAtClaim.size() > MOST_READ_AHEAD) {
            readAtClaim.clear(); // rows claimed and never delivered here: their deliveries read on their own
        }
        to.forEach((row, provider) -> readAtClaim.put(row, new Ahead(offers.containsKey(row)
                ? Optional.ofNullable(states.get(offers.get(row))) : Optional.empty(),
                Optional.ofNullable(secrets.get(provider)))));
    }

    /** What a row's post needs, read at its claim: its offer's state (empty: none), its provider's previous secret. */
    private record Ahead(Optional<OfferState> offer, Optional<String> previous) {
    }

    /**
     * Why an offer or reminder is no longer true (its offer is no longer OFFERED); empty when it still is. The state
     * read at the claim if there was one ({@code ahead}, null when not), else read now.
     */
    private Optional<String> stale(Optional<OfferState> ahead, String body) {
        Optional<OfferEvent> offered = stillOffered(body);
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        OfferEvent e = offered.get();
        Optional<OfferState> state = ahead != null ? ahead : offerStates.apply(e.offer());
        return state.filter(s -> s != OfferState.OFFERED)
                .map(s -> e.event() + " of offer " + e.offer().value() + ", which is now " + s);
    }

    /** An offer or a reminder of one: the event and the offer it speaks of; empty for any other body. */
    private static Optional<OfferEvent> stillOffered(String body) {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException e) {
            return Optional.empty();
        }
        String event = json.getString("event", "");
        Object offer = json.getValue("offerId");
        if (!STILL_OFFERED.contains(event) || offer == null) {
            return Optional.empty();
        }
        return Optional.of(new OfferEvent(event, new OfferId(offer.toString())));
    }

    private record OfferEvent(String event, OfferId offer) {
    }

    static DeliveryOutcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Confirmed("HTTP " + status);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new DeliveryOutcome.Retry("HTTP " + status);
        }
        return new DeliveryOutcome.Rejected("HTTP " + status);
    }

    private static String event(String body) {
        try {
            return new JsonObject(body).getString("event", "offer.offered");
        } catch (DecodeException e) {
            return "offer.offered";
        }
    }
}
