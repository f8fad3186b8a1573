package org.hotline81890.gateway.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.WebhookEndpoint;
import org.hotline81890.partners.webhook.WebhookSigner;

/**
 * Outbox kind {@code webhook}: a signed POST to the provider's webhook URL, with the row's dedupe key as the
 * Idempotency-Key. 2xx confirms; 5xx, 408, 429, a timeout or a refused connection retry; any other 4xx is final.
 */
public final class WebhookDelivery implements OutboxDelivery {
    private final ProviderCache providers;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public WebhookDelivery(ProviderCache providers, Duration timeout, Clock clock) {
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.get().url()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        new WebhookSigner(endpoint.get().secret()).headers(clock.instant(), body, entry.message().dedupeKey(),
                event(body)).forEach(request::header);
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
