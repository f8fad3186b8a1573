package org.hotline81890.gateway.channel.http;

import java.util.NoSuchElementException;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.workorder.IllegalTransitionException;
import org.hotline81890.gateway.workorder.StorageFullException;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one translator from results and exceptions to HTTP status and a JSON error body. */
public final class HttpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    public static void fail(RoutingContext ctx, Throwable t) {
        switch (t) {
            case BadRequestException b -> send(ctx, 400, new JsonObject().put("error", "bad request")
                    .put("field", b.field()).put("message", b.getMessage()));
            case StorageFullException s -> {
                LOG.warn("storage full for {} {}: {}", ctx.request().method(), ctx.request().path(), s.getMessage());
                ctx.response().putHeader("Retry-After", "30");
                send(ctx, 503, new JsonObject().put("error", "storage full").put("message",
                        "the database is out of room (disk or table full): the request was not stored; retry later"));
            }
            case StorageUnavailableException s -> {
                LOG.warn("storage unavailable for {} {}: {}", ctx.request().method(), ctx.request().path(),
                        s.getMessage());
                ctx.response().putHeader("Retry-After", "5");
                send(ctx, 503, new JsonObject().put("error", "storage unavailable")
                        .put("message", "the request was not stored; retry later"));
            }
            case NoSuchElementException n -> send(ctx, 404, new JsonObject().put("error", "not found")
                    .put("message", n.getMessage()));
            case IllegalTransitionException i -> send(ctx, 409, new JsonObject().put("error", "conflict")
                    .put("message", i.getMessage()));
            default -> {
                LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), t);
                send(ctx, 500, new JsonObject().put("error", "internal error"));
            }
        }
    }

    /** 413: the body is over the route's limit; nothing of it was decoded. */
    public static void tooLarge(RoutingContext ctx, int maxBytes) {
        send(ctx, 413, new JsonObject().put("error", "payload too large").put("field", "body")
                .put("message", "the body is larger than " + maxBytes + " bytes"));
    }

    public static void send(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }
}
