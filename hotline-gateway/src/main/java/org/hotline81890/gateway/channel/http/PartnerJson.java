package org.hotline81890.gateway.channel.http;

import java.time.Instant;

import io.vertx.core.json.JsonObject;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.privacy.JobView;

/** JSON of the partner API: what a provider sees of a job, and why an action was refused. */
final class PartnerJson {
    private PartnerJson() {
    }

    static JsonObject view(JobView view) {
        JsonObject json = new JsonObject().put("offerId", view.offer().value()).put("state", view.state().name());
        switch (view) {
            case JobView.Restricted r -> json.put("service", r.service().value()).put("serviceName", r.serviceName())
                    .put("area", r.area().toString()).put("wantedFrom", r.wantedFrom().toString())
                    .put("wantedUntil", r.wantedUntil().map(Instant::toString).orElse(null))
                    .put("acceptBy", r.acceptBy().toString());
            case JobView.Full f -> json.put("service", f.service().value()).put("serviceName", f.serviceName())
                    .put("area", f.area().toString()).put("address", f.address()).put("phone", f.maskedPhone())
                    .put("wantedFrom", f.wantedFrom().toString())
                    .put("wantedUntil", f.wantedUntil().map(Instant::toString).orElse(null))
                    .put("description", f.description());
        }
        return json;
    }

    /** HTTP status for a refusal, as ActionResult documents it. */
    static int status(ActionResult.Rejection r) {
        return switch (r) {
            case ActionResult.OfferNotFound n -> 404;
            case ActionResult.NotYourOffer n -> 403;
            case ActionResult.ExtensionRefused e -> 422;
            case ActionResult.OfferExpired e -> 409;
            case ActionResult.AlreadyAccepted a -> 409;
            case ActionResult.OfferCancelled c -> 409;
            case ActionResult.IllegalState i -> 409;
        };
    }

    static String code(ActionResult.Rejection r) {
        return switch (r) {
            case ActionResult.OfferNotFound n -> "offer_not_found";
            case ActionResult.NotYourOffer n -> "not_your_offer";
            case ActionResult.ExtensionRefused e -> "extension_refused";
            case ActionResult.OfferExpired e -> "offer_expired";
            case ActionResult.AlreadyAccepted a -> "already_accepted";
            case ActionResult.OfferCancelled c -> "offer_cancelled";
            case ActionResult.IllegalState i -> "illegal_state";
        };
    }

    static JsonObject rejection(ActionResult.Rejection r) {
        return new JsonObject().put("error", code(r)).put("message", r.message());
    }
}
