package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.partners.ProviderId;

/**
 * A provider desk's live board: at connection, and on every committed change of one of this provider's offers, the
 * board is read again and sent as one {@code board} event (htmx swaps it in; typed notes are preserved). Other
 * providers' changes never reach this stream.
 */
final class ProviderDeskStream {
    private static final long KEEP_ALIVE_MS = 15_000;
    private final Vertx vertx;
    private final ProviderDesk reads;
    private final Pages pages;
    private final Blocking blocking;

    ProviderDeskStream(Vertx vertx, ProviderDesk reads, Pages pages, Blocking blocking) {
        this.vertx = vertx;
        this.reads = reads;
        this.pages = pages;
        this.blocking = blocking;
    }

    void open(RoutingContext ctx, ProviderId p, Map<String, Object> base) {
        HttpServerResponse res = ctx.response();
        res.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("X-Accel-Buffering", "no");
        res.write(": desk " + p.value() + "\n\n");
        java.util.function.Consumer<String> push = id -> blocking.run(() -> {
            Map<String, Object> vars = new HashMap<>(base);
            vars.put("board", reads.board(p));
            vars.put("refused", false);
            vars.put("live", true);
            return pages.renderFragment("provider-desk", "board", vars);
        }).onSuccess(html -> send(res, "board", html, id));
        MessageConsumer<JsonObject> changes = vertx.eventBus().consumer(LiveOffers.ADDRESS, msg -> {
            if (p.value().equals(msg.body().getString("provider"))) {
                push.accept(msg.body().getLong("committedAt", 0L) + "-" + msg.body().getString("offerId"));
            }
        });
        // The board as it is now, at every (re)connection: nothing committed before the stream opened is missed.
        push.accept("0-connect");
        long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, t -> res.write(": keep-alive\n\n"));
        res.closeHandler(v -> {
            changes.unregister();
            vertx.cancelTimer(keepAlive);
        });
    }

    /** {@code id}: the change's commit time and offer, so a client (and the benchmark) can tell which change. */
    private static void send(HttpServerResponse res, String event, String html, String id) {
        if (res.closed() || res.ended()) {
            return;
        }
        StringBuilder b = new StringBuilder("event: ").append(event).append('\n').append("id: ").append(id)
                .append('\n');
        for (String line : html.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        res.write(b.append('\n').toString());
    }
}
