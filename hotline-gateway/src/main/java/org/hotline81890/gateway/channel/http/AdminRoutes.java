package org.hotline81890.gateway.channel.http;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/** The admin JSON API: create a work order, fetch one with its history, list by state or caller. */
public final class AdminRoutes {
    private static final int MAX_LIMIT = 500;
    /** The admin token is one credential; keys of other credentials (partners, desk users) never meet its keys. */
    private static final String CREDENTIAL = "admin";
    private final Intake intake;
    private final WorkOrderStore store;
    private final Blocking blocking;
    private final AdminToken token;
    private final int maxBody;
    private final Predicate<String> knownService;

    public AdminRoutes(Intake intake, WorkOrderStore store, Blocking blocking, AdminToken token, int maxBody,
                       Predicate<String> knownService) {
        this.intake = intake;
        this.store = store;
        this.blocking = blocking;
        this.token = token;
        this.maxBody = maxBody;
        this.knownService = knownService;
    }

    public void mount(Router router) {
        router.route("/api/admin/*").handler(token::check);
        JsonBody.accept(router, "/api/admin/work-orders", maxBody).handler(this::handleCreate);
        router.get("/api/admin/work-orders/:ticket").handler(this::handleFetch);
        router.get("/api/admin/work-orders").handler(this::handleList);
    }

    private void handleCreate(RoutingContext ctx) {
        IntakeRequest request;
        Optional<String> key = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key"));
        try {
            JsonObject body = JsonBody.of(ctx).orElseThrow(() -> new BadRequestException("body",
                    "a JSON object is required"));
            request = IntakeBodies.intake(body, key, CREDENTIAL, "admin-api", knownService);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        blocking.run(() -> receive(request, key)).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
                return;
            }
            switch (ar.result()) {
                case IntakeResult.Accepted a -> created(ctx, 201, a.workOrder());
                case IntakeResult.Duplicate d when !d.workOrder().idempotencyKey().equals(request.idempotencyKey()) ->
                        HttpErrors.send(ctx, 422, new JsonObject().put("error", "idempotency key reused")
                                .put("field", "Idempotency-Key").put("message", "this Idempotency-Key was used "
                                        + "for a different request; send a new key for a new request"));
                case IntakeResult.Duplicate d -> created(ctx, 200, d.workOrder());
                case IntakeResult.Refused r -> HttpErrors.fail(ctx, new BadRequestException("text", r.reason()));
            }
        });
    }

    /** A key this credential already used for another request gives that order back, to be refused (422). */
    private IntakeResult receive(IntakeRequest request, Optional<String> key) {
        if (key.isPresent()) {
            Optional<WorkOrder> earlier = store.findByIdempotencyKeyPrefix(RequestKeys.scope(CREDENTIAL, key.get()));
            if (earlier.isPresent()) {
                return new IntakeResult.Duplicate(earlier.get());
            }
        }
        return intake.receive(request);
    }

    private static void created(RoutingContext ctx, int status, WorkOrder w) {
        ctx.response().putHeader("Location", "/api/admin/work-orders/" + w.ticket().value());
        HttpErrors.send(ctx, status, WorkOrderJson.of(w));
    }

    private void handleFetch(RoutingContext ctx) {
        String raw = ctx.pathParam("ticket");
        if (!TicketNumber.isValid(raw)) {
            HttpErrors.fail(ctx, new BadRequestException("ticket", "'" + raw + "' is not a valid ticket number"));
            return;
        }
        TicketNumber ticket = TicketNumber.of(raw);
        blocking.run(() -> {
            WorkOrder w = store.findByTicket(ticket).orElseThrow(() -> new NoSuchElementException(
                    "no work order with ticket " + ticket));
            return WorkOrderJson.withHistory(w, store.history(w.id()));
        }).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
            } else {
                HttpErrors.send(ctx, 200, ar.result());
            }
        });
    }

    private void handleList(RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        String caller = ctx.request().getParam("caller");
        int limit;
        WorkOrderState parsedState;
        String number;
        try {
            limit = limit(ctx.request().getParam("limit"));
            parsedState = state == null ? null : parseState(state);
            if ((state == null) == (caller == null)) {
                throw new BadRequestException("state", "give exactly one of the query parameters state or caller");
            }
            number = caller == null ? null : callerNumber(caller);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        blocking.run(() -> parsedState != null ? store.listByState(parsedState, limit)
                : store.listByCaller(number, limit))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        HttpErrors.fail(ctx, ar.cause());
                        return;
                    }
                    JsonArray items = new JsonArray();
                    ar.result().forEach(w -> items.add(WorkOrderJson.of(w)));
                    HttpErrors.send(ctx, 200, new JsonObject().put("items", items).put("count", items.size()));
                });
    }

    private static String callerNumber(String raw) {
        try {
            return org.hotline81890.gateway.workorder.PhoneNumbers.normalise(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("caller", e.getMessage());
        }
    }

    private static WorkOrderState parseState(String raw) {
        try {
            return WorkOrderState.valueOf(raw.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state", "unknown state '" + raw + "'");
        }
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n < 1 || n > MAX_LIMIT) {
                throw new BadRequestException("limit", "limit must be 1.." + MAX_LIMIT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("limit", "limit must be a whole number");
        }
    }
}
