package org.hotline81890.gateway.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * never receives a stale offer.
 */
public final class WebhookDelivery implements OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Events that speak of an offer waiting for an answer. */
    private static final WebhookSecrets NO_ROTATION = new WebhookSecrets() {
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

    private final WebhookSecrets previous;

    public WebhookDelivery(ProviderCache providers, Duration timeout, Clock clock,
                           Function<OfferId, Optional<OfferState>> offerStates) {
        this(providers, timeout, clock, offerStates, NO_ROTATION);
    }

    /** {@code previous}: a secret being rotated out signs too, until its grace period ends (ADR 0014). */
    public WebhookDelivery(ProviderCache providers, Duration timeout, Clock clock,
                           Function<OfferId, Optional<OfferState>> offerStates, WebhookSecrets previous) {
        this.previous = previous;
        this.offerStates = offerStates;
        this.providers = providers;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
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
        Optional<String> stale = stale(body);
        if (stale.isPresent()) {
            LOG.info("webhook row {} to {} not sent: {}", entry.id(), id, stale.get());
            return new DeliveryOutcome.Confirmed("not sent: " + stale.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.get().url()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Instant now = clock.instant();
        Map<String, String> headers = new WebhookSigner(endpoint.get().secret()).headers(now, body,
                entry.message().dedupeKey(), event(body));
        previous.previous(id, now).ifPresent(old -> headers.merge(WebhookSigner.SIGNATURE_HEADER,
                new WebhookSigner(old).sign(now.getEpochSecond(), body), (a, b) -> a + "," + b));
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

    /** Why an offer or reminder is no longer true (its offer is no longer OFFERED); empty when it still is. */
    private Optional<String> stale(String body) {
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
        return offerStates.apply(new OfferId(offer.toString())).filter(s -> s != OfferState.OFFERED)
                .map(s -> event + " of offer " + offer + ", which is now " + s);
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
