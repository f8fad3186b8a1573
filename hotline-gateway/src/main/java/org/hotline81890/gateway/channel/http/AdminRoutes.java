package org.hotline81890.gateway.channel.http;

import java.util.NoSuchElementException;
import java.util.Optional;

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
    private final Intake intake;
    private final WorkOrderStore store;
    private final Blocking blocking;
    private final AdminToken token;

    public AdminRoutes(Intake intake, WorkOrderStore store, Blocking blocking, AdminToken token) {
        this.intake = intake;
        this.store = store;
        this.blocking = blocking;
        this.token = token;
    }

    public void mount(Router router) {
        router.route("/api/admin/*").handler(token::check);
        router.post("/api/admin/work-orders").handler(this::handleCreate);
        router.get("/api/admin/work-orders/:ticket").handler(this::handleFetch);
        router.get("/api/admin/work-orders").handler(this::handleList);
    }

    private void handleCreate(RoutingContext ctx) {
        IntakeRequest request;
        try {
            JsonObject body = IntakeBodies.parse(ctx.body().asString());
            request = IntakeBodies.intake(body, Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")),
                    "admin-api");
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        blocking.run(() -> intake.receive(request)).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
                return;
            }
            switch (ar.result()) {
                case IntakeResult.Accepted a -> created(ctx, 201, a.workOrder());
                case IntakeResult.Duplicate d -> created(ctx, 200, d.workOrder());
                case IntakeResult.Refused r -> HttpErrors.fail(ctx, new BadRequestException("text", r.reason()));
            }
        });
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
        try {
            limit = limit(ctx.request().getParam("limit"));
            parsedState = state == null ? null : parseState(state);
            if ((state == null) == (caller == null)) {
                throw new BadRequestException("state", "give exactly one of the query parameters state or caller");
            }
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        blocking.run(() -> parsedState != null ? store.listByState(parsedState, limit)
                : store.listByCaller(org.hotline81890.gateway.workorder.PhoneNumbers.normalise(caller), limit))
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
