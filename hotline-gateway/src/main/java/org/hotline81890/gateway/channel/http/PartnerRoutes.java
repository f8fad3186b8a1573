package org.hotline81890.gateway.channel.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

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
    /** Limits of the text fields (openapi/partner.yaml): the offer's note column holds 2,000 characters. */
    static final int MAX_REASON = 500;
    static final int MAX_NOTE = 2000;
    static final int MAX_HOURS = 8760;
    private final PartnerFlow flow;
    private final OfferNotices notices;
    private final OfferStore offers;
    private final WorkOrderStore store;
    private final JobFacts facts;
    private final ProviderKeys keys;
    private final Blocking blocking;
    private final int maxBody;
    private final boolean calls;

    /** {@code calls}: AMI is enabled, so a bridged call to the resident can be placed. */
    public PartnerRoutes(PartnerFlow flow, OfferNotices notices, OfferStore offers, WorkOrderStore store,
                         JobFacts facts, ProviderKeys keys, Blocking blocking, boolean calls, int maxBody) {
        this.calls = calls;
        this.maxBody = maxBody;
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
        // The key first (the body waits, held unread: Bodies), then the body (JSON only, bounded).
        router.route("/api/partner/offers*").handler(this::authenticate);
        JsonBody.accept(router, "/api/partner/offers/:offerId/:action", maxBody);
        router.get("/api/partner/offers/:offerId").handler(this::handleView);
        router.post("/api/partner/offers/:offerId/accept").handler(ctx -> act(ctx,
                (p, id, body) -> flow.accept(p, id, Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/decline").handler(ctx -> act(ctx,
                (p, id, body) -> flow.decline(p, id, reason(body), Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/start").handler(ctx -> act(ctx,
                (p, id, body) -> flow.start(p, id, Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/complete").handler(ctx -> act(ctx,
                (p, id, body) -> flow.complete(p, id, note(body), Channel.PARTNER)));
        router.post("/api/partner/offers/:offerId/extension").handler(ctx -> act(ctx,
                (p, id, body) -> extend(p, id, hours(body), reason(body))));
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
            given = TextFields.optional(JsonBody.of(ctx).orElseGet(JsonObject::new), "phone", 40).orElse("")
                    .replace(" ", "").replace("-", "");
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

        /** The action with its body's fields read now, on the event loop: a bad field is a 400 before any work. */
        default Action checked(JsonObject body) {
            reason(body);
            note(body);
            if (body.containsKey("hours")) {
                hours(body);
            }
            return this;
        }
    }

    private void authenticate(RoutingContext ctx) {
        Optional<String> key = Bearer.of(ctx).filter(k -> k.length() >= 5);
        if (key.isEmpty()) {
            unauthorized(ctx, "send your API key as Authorization: Bearer <key>");
            return;
        }
        String hash = ApiKeys.hash(key.get());
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
        Action checked;
        try {
            id = offerId(ctx);
            body = JsonBody.of(ctx).orElseGet(JsonObject::new);
            checked = action.checked(body);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        respond(ctx, () -> switch (checked.run(caller, id, body)) {
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

    static String reason(JsonObject body) {
        return TextFields.optional(body, "reason", MAX_REASON).orElse("");
    }

    static String note(JsonObject body) {
        return TextFields.optional(body, "note", MAX_NOTE).orElse("");
    }

    static Duration hours(JsonObject body) {
        Object raw = body.getValue("hours");
        double h = raw instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!Double.isFinite(h) || h <= 0 || h > MAX_HOURS) {
            throw new BadRequestException("hours", "hours must be a number more than 0 and at most " + MAX_HOURS);
        }
        return Duration.ofMinutes(Math.max(1, Math.round(h * 60)));
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
