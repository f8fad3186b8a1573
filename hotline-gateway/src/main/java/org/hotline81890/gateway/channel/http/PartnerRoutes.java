package org.hotline81890.gateway.channel.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.dispatch.ApiKeys;
import org.hotline81890.gateway.dispatch.JobFacts;
import org.hotline81890.gateway.dispatch.OfferNotices;
import org.hotline81890.gateway.dispatch.PartnerFlow;
import org.hotline81890.gateway.dispatch.ProviderKeys;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.privacy.JobViews;
import org.hotline81890.partners.store.OfferStore;

/**
 * The partner HTTP API under {@code /api/partner}: each provider authenticates with its own API key (Bearer),
 * sees its offers as the privacy rules allow, and accepts, declines, starts, completes or asks for more time.
 * Every action is idempotent; a refusal is a 4xx whose body says exactly what is wrong. Documented by
 * {@code /api/partner/openapi.yaml}.
 */
public final class PartnerRoutes {
    private static final String PROVIDER = "provider";
    private final PartnerFlow flow;
    private final OfferNotices notices;
    private final OfferStore offers;
    private final WorkOrderStore store;
    private final JobFacts facts;
    private final ProviderKeys keys;
    private final Blocking blocking;
    private final boolean calls;

    /** {@code calls}: AMI is enabled, so a bridged call to the resident can be placed. */
    public PartnerRoutes(PartnerFlow flow, OfferNotices notices, OfferStore offers, WorkOrderStore store,
                         JobFacts facts, ProviderKeys keys, Blocking blocking, boolean calls) {
        this.calls = calls;
        this.flow = flow;
        this.notices = notices;
        this.offers = offers;
        this.store = store;
        this.facts = facts;
        this.keys = keys;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/partner/openapi.yaml").handler(PartnerRoutes::handleOpenApi);
        router.route("/api/partner/offers*").handler(this::authenticate);
        router.get("/api/partner/offers/:offerId").handler(this::handleView);
        router.post("/api/partner/offers/:offerId/accept").handler(ctx -> act(ctx,
                (p, id, body) -> flow.accept(p, id, Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/decline").handler(ctx -> act(ctx,
                (p, id, body) -> flow.decline(p, id, body.getString("reason", ""), Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/start").handler(ctx -> act(ctx,
                (p, id, body) -> flow.start(p, id, Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/complete").handler(ctx -> act(ctx,
                (p, id, body) -> flow.complete(p, id, body.getString("note", ""), Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/extension").handler(ctx -> act(ctx,
                (p, id, body) -> extend(p, id, hours(body), body.getString("reason", ""))));
        router.post("/api/partner/offers/:offerId/call-resident").handler(this::handleCall);
    }

    /**
     * The provider holding the job is put through to the resident by the hotline (隐私号): Asterisk rings the
     * provider's phone ({@code {"phone":"…"}}, else its registered SMS number), then the resident, both showing
     * 81890. 202 once the call is queued (an {@code originate} outbox row, retried until a channel comes up); 503
     * when this hotline has no AMI; refusals as for the other actions.
     */
    private void handleCall(RoutingContext ctx) {
        if (!calls) {
            ctx.response().putHeader("Retry-After", "60");
            HttpErrors.send(ctx, 503, new JsonObject().put("error", "calls_unavailable")
                    .put("message", "this hotline places no calls (ami.enabled: false)"));
            return;
        }
        ProviderId caller = ctx.get(PROVIDER);
        OfferId id;
        String given;
        try {
            id = offerId(ctx);
            given = body(ctx).getString("phone", "").replace(" ", "").replace("-", "");
            if (!given.isEmpty() && !given.matches("\\+?[0-9]{3,31}")) {
                throw new BadRequestException("phone", "phone must be 3 to 31 digits with an optional leading +");
            }
        } catch (BadRequestException | ClassCastException e) {
            HttpErrors.fail(ctx, e instanceof BadRequestException b ? b
                    : new BadRequestException("phone", "phone must be a string"));
            return;
        }
        respond(ctx, () -> {
            Optional<String> phone = given.isEmpty() ? flow.registeredPhone(caller) : Optional.of(given);
            if (phone.isEmpty()) {
                throw new BadRequestException("phone", "no phone registered for " + caller
                        + "; send {\"phone\":\"…\"}");
            }
            return switch (flow.callResident(caller, id, phone.get(), "api:" + id.value() + ":"
                    + java.util.UUID.randomUUID(), Channel.PARTNER)) {
                case ActionResult.Applied a -> new Reply(202, calling(a.offer()));
                case ActionResult.Repeated r -> new Reply(202, calling(r.offer()));
                case ActionResult.ExtensionRequested x -> new Reply(409, new JsonObject()
                        .put("error", "illegal_state").put("message", "not an extension request"));
                case ActionResult.Rejection r -> new Reply(PartnerJson.status(r), PartnerJson.rejection(r));
            };
        });
    }

    private static JsonObject calling(Offer offer) {
        return new JsonObject().put("result", "calling").put("offerId", offer.id().value())
                .put("message", "81890 rings your phone, then the resident; both see 81890");
    }

    /** An extension request waits for a supervisor (the 督办 desk), who moves the deadline and its reminder. */
    private ActionResult extend(ProviderId provider, OfferId id, Duration extra, String reason) {
        return flow.requestExtension(provider, id, extra, reason);
    }

    @FunctionalInterface
    private interface Action {
        ActionResult run(ProviderId provider, OfferId offer, JsonObject body);
    }

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() < 12) {
            unauthorized(ctx, "send your API key as Authorization: Bearer <key>");
            return;
        }
        String hash = ApiKeys.hash(header.substring(7).strip());
        blocking.run(() -> keys.providerOf(hash)).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                unauthorized(ctx, "unknown API key");
            } else {
                ctx.put(PROVIDER, ar.result().get());
                ctx.next();
            }
        });
    }

    private static void unauthorized(RoutingContext ctx, String message) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"hotline-partner\"");
        HttpErrors.send(ctx, 401, new JsonObject().put("error", "unauthorized").put("message", message));
    }

    private void handleView(RoutingContext ctx) {
        ProviderId caller = ctx.get(PROVIDER);
        OfferId id;
        try {
            id = offerId(ctx);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        respond(ctx, () -> {
            Optional<Offer> offer = offers.find(id);
            if (offer.isEmpty()) {
                return new Reply(404, PartnerJson.rejection(new ActionResult.OfferNotFound(id)));
            }
            if (!offer.get().provider().equals(caller)) {
                return new Reply(403, PartnerJson.rejection(new ActionResult.NotYourOffer(id)));
            }
            return new Reply(200, view(offer.get()));
        });
    }

    private void act(RoutingContext ctx, Action action) {
        ProviderId caller = ctx.get(PROVIDER);
        OfferId id;
        JsonObject body;
        try {
            id = offerId(ctx);
            body = body(ctx);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        respond(ctx, () -> switch (action.run(caller, id, body)) {
            case ActionResult.Applied a -> new Reply(200, new JsonObject().put("result", "applied")
                    .put("offer", view(a.offer())));
            case ActionResult.Repeated r -> new Reply(200, new JsonObject().put("result", "repeated")
                    .put("offer", view(r.offer())));
            case ActionResult.ExtensionRequested x -> new Reply(202, new JsonObject().put("result", "pending")
                    .put("message", "extension of " + x.extra().toHours() + " h asked for; a supervisor decides")
                    .put("offer", view(x.offer())));
            case ActionResult.Rejection r -> new Reply(PartnerJson.status(r), PartnerJson.rejection(r));
        });
    }

    private record Reply(int status, JsonObject body) {
    }

    private void respond(RoutingContext ctx, Callable<Reply> work) {
        blocking.run(work).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
            } else {
                HttpErrors.send(ctx, ar.result().status(), ar.result().body());
            }
        });
    }

    private JsonObject view(Offer offer) {
        WorkOrderId wo = new WorkOrderId(Long.parseLong(offer.job().workOrder().value()));
        return store.find(wo).map(w -> PartnerJson.view(JobViews.forProvider(offer, facts.details(w))))
                .orElseGet(() -> new JsonObject().put("offerId", offer.id().value())
                        .put("state", offer.state().name()));
    }

    private static OfferId offerId(RoutingContext ctx) {
        try {
            return new OfferId(ctx.pathParam("offerId"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("offerId", e.getMessage());
        }
    }

    private static JsonObject body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException e) {
            throw new BadRequestException("body", "the body must be a JSON object");
        }
    }

    private static Duration hours(JsonObject body) {
        Object raw = body.getValue("hours");
        if (!(raw instanceof Number n) || n.doubleValue() <= 0) {
            throw new BadRequestException("hours", "hours must be a positive number");
        }
        return Duration.ofMinutes(Math.round(n.doubleValue() * 60));
    }

    private static void handleOpenApi(RoutingContext ctx) {
        try (InputStream in = PartnerRoutes.class.getResourceAsStream("/openapi/partner.yaml")) {
            if (in == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                    .end(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            HttpErrors.fail(ctx, e);
        }
    }
}
