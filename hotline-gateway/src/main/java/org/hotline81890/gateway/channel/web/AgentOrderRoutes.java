package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataView;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * {@code /agent/orders/:ticket}: one work order with the caller's full number, its history and the caller's other
 * requests. The view is recorded in the audit before the page is sent.
 */
public final class AgentOrderRoutes {
    private final WorkOrderStore store;
    private final PersonalDataViews views;
    private final Pages pages;
    private final Blocking blocking;

    public AgentOrderRoutes(WorkOrderStore store, PersonalDataViews views, Pages pages, Blocking blocking) {
        this.store = store;
        this.views = views;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/agent/orders").handler(ctx -> {
            String t = Optional.ofNullable(ctx.request().getParam("ticket")).orElse("").replaceAll("[\\s-]", "");
            ctx.redirect("/agent/orders/" + java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8));
        });
        router.get("/agent/orders/:ticket").handler(this::handleOrder);
    }

    private void handleOrder(RoutingContext ctx) {
        String raw = ctx.pathParam("ticket");
        if (!TicketNumber.isValid(raw)) {
            pages.send(ctx, 400, "problem", Map.of("message", "工单号格式不正确: " + raw));
            return;
        }
        Person viewer = AccessGate.person(ctx).person();
        blocking.run(() -> {
            Optional<WorkOrder> found = store.findByTicket(TicketNumber.of(raw));
            if (found.isEmpty()) {
                return Optional.<Map<String, Object>>empty();
            }
            WorkOrder w = found.get();
            views.record(viewer, PersonalDataView.What.HISTORY, Optional.of(Long.toString(w.id().value())),
                    Optional.of(w.callerNumber()));
            Map<String, Object> vars = new HashMap<>();
            vars.put("order", w);
            vars.put("history", store.history(w.id()));
            List<WorkOrder> others = store.listByCaller(w.callerNumber(), 20).stream()
                    .filter(o -> !o.id().equals(w.id())).toList();
            vars.put("others", others);
            return Optional.of(vars);
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                pages.send(ctx, 404, "problem", Map.of("message", "没有工单 " + raw));
            } else {
                pages.send(ctx, 200, "order", ar.result().get());
            }
        });
    }
}
