package org.hotline81890.partners.webhook;

import java.time.Instant;
import java.util.Objects;

import org.hotline81890.partners.privacy.JobView;

/**
 * One webhook body, built from the provider's {@link JobView} only, so it can never carry more than the provider
 * may see. Body fields: {@code event, idempotencyKey, sentAt, offerId, state, service, serviceName, area,
 * wantedFrom, wantedUntil} and, in the restricted view, {@code acceptBy}; in the full view {@code address,
 * phone} (masked) and {@code description}. Instants are ISO-8601 UTC.
 *
 * @param idempotencyKey {@code offerId:event[:sequence]}: the same for every retry of one event
 */
public record WebhookPayload(WebhookEvent event, String idempotencyKey, String json) {
    public WebhookPayload {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(json, "json");
    }

    /** {@code sequence} tells reminders of the same offer apart; use 0 for one-off events. */
    public static WebhookPayload of(WebhookEvent event, JobView view, int sequence, Instant sentAt) {
        String key = view.offer().value() + ":" + event.wireName() + (sequence == 0 ? "" : ":" + sequence);
        JsonText json = new JsonText()
                .field("event", event.wireName())
                .field("idempotencyKey", key)
                .field("sentAt", sentAt.toString())
                .field("offerId", view.offer().value())
                .field("state", view.state().name());
        switch (view) {
            case JobView.Restricted r -> json.field("service", r.service().value())
                    .field("serviceName", r.serviceName())
                    .field("area", r.area().toString())
                    .field("wantedFrom", r.wantedFrom().toString())
                    .field("wantedUntil", r.wantedUntil().map(Instant::toString).orElse(""))
                    .field("acceptBy", r.acceptBy().toString());
            case JobView.Full f -> json.field("service", f.service().value())
                    .field("serviceName", f.serviceName())
                    .field("area", f.area().toString())
                    .field("wantedFrom", f.wantedFrom().toString())
                    .field("wantedUntil", f.wantedUntil().map(Instant::toString).orElse(""))
                    .field("address", f.address())
                    .field("phone", f.maskedPhone())
                    .field("description", f.description());
        }
        return new WebhookPayload(event, key, json.close());
    }
}
