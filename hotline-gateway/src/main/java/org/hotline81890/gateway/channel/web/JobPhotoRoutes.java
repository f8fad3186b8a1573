package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.dispatch.JobCompletion;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.ProviderId;

/**
 * Completion photos for the hotline's staff (issue 14): on an order's page (agent and supervisor) a fragment loaded
 * by htmx lists who completed the job and the photo; the image itself is served with its sniffed type, never cached
 * and never sniffed again by the browser. The provider desks serve their own jobs' photos with {@link #send}.
 */
public final class JobPhotoRoutes {
    private final JobCompletion completion;
    private final WorkOrderStore store;
    private final Pages pages;
    private final Blocking blocking;

    public JobPhotoRoutes(JobCompletion completion, WorkOrderStore store, Pages pages, Blocking blocking) {
        this.completion = completion;
        this.store = store;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        for (String base : List.of("/agent", "/supervisor")) {
            router.get(base + "/orders/:ticket/completion").handler(ctx -> handleCompletion(ctx, base));
            router.get(base + "/photos/:file").handler(ctx -> send(ctx, blocking, completion, Optional.empty()));
        }
    }

    private void handleCompletion(RoutingContext ctx, String base) {
        String raw = ctx.pathParam("ticket");
        if (!TicketNumber.isValid(raw)) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("ticket：工单号格式不正确");
            return;
        }
        blocking.run(() -> store.findByTicket(TicketNumber.of(raw)).map(w -> completion.ofWorkOrder(w.id()))
                .orElse(List.of())).onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(ar.cause());
                        return;
                    }
                    Map<String, Object> vars = new HashMap<>();
                    vars.put("completions", ar.result());
                    vars.put("photoBase", base + "/photos/");
                    vars.put("pl", ProviderLabels.INSTANCE);
                    pages.sendFragment(ctx, 200, "provider-job", "completion", vars);
                });
    }

    /** The photo named in the path, when {@code onlyOf} (if given) holds the job; else 404. */
    static void send(RoutingContext ctx, Blocking blocking, JobCompletion completion, Optional<ProviderId> onlyOf) {
        String file = ctx.pathParam("file");
        blocking.run(() -> completion.photo(file, onlyOf)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .putHeader("Cache-Control", "no-store").end("没有这张照片");
            } else {
                JobCompletion.Shown shown = ar.result().get();
                ctx.response().putHeader("Content-Type", shown.photo().type().mediaType())
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Content-Disposition", "inline")
                        .end(io.vertx.core.buffer.Buffer.buffer(shown.bytes()));
            }
        });
    }
}
