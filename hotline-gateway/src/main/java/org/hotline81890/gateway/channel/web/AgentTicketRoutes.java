package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.desk.Handling;
import org.hotline81890.gateway.desk.TicketDesk;
import org.hotline81890.gateway.desk.TicketForm;
import org.hotline81890.gateway.desk.TicketResult;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.TicketNumber;

/**
 * The ticket form's routes: services found as the agent types ({@code GET /agent/services?q=}), one service's answer
 * text and questions ({@code GET /agent/services/:code}), the matcher's top three for the words so far
 * ({@code POST /agent/match}) and the form itself ({@code POST /agent/orders/:ticket/ticket}, answered, dispatched
 * or transferred to a chosen department through {@link TicketDesk}). Each answers an htmx fragment; a bad form is a
 * 4xx fragment saying what is wrong.
 */
final class AgentTicketRoutes {
    private final TicketDesk desk;
    private final TicketViews views;
    private final Pages pages;
    private final Blocking blocking;

    AgentTicketRoutes(TicketDesk desk, TicketViews views, Pages pages, Blocking blocking) {
        this.desk = desk;
        this.views = views;
        this.pages = pages;
        this.blocking = blocking;
    }

    void mount(Router router) {
        router.get("/agent/services").handler(ctx -> pages.sendFragment(ctx, 200, "ticket", "results",
                Map.of("results", views.search(param(ctx, "q")))));
        router.get("/agent/services/:code").handler(this::handleService);
        FormBody.accept(router, "/agent/match").handler(ctx -> blocking.run(() -> views.suggestions(form(ctx, "text")))
                .onSuccess(vars -> pages.sendFragment(ctx, 200, "ticket", "suggestions", vars))
                .onFailure(ctx::fail));
        FormBody.accept(router, "/agent/orders/:ticket/ticket").handler(this::handleTicket);
    }

    private void handleService(RoutingContext ctx) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("service", views.service(ctx.pathParam("code")).orElse(null));
        vars.put("departments", vars.get("service") == null ? List.of() : views.departments(ctx.pathParam("code")));
        pages.sendFragment(ctx, vars.get("service") == null ? 404 : 200, "ticket", "chosen", vars);
    }

    private void handleTicket(RoutingContext ctx) {
        String raw = ctx.pathParam("ticket");
        Handling handling;
        TicketForm form;
        try {
            if (!TicketNumber.isValid(raw)) {
                throw new IllegalArgumentException("工单号格式不正确: " + raw);
            }
            handling = switch (form(ctx, "action")) {
                case "answer" -> Handling.ANSWER;
                case "dispatch" -> Handling.DISPATCH;
                case "transfer" -> Handling.TRANSFER;
                default -> throw new IllegalArgumentException("请选择直接答复、派单或转办");
            };
            form = new TicketForm(TicketNumber.of(raw), form(ctx, "text"), type(form(ctx, "requestType")),
                    form(ctx, "serviceCode"), form(ctx, "matcherFirst"), priority(form(ctx, "priority")),
                    new Area(opt(ctx, "district"), opt(ctx, "street"), opt(ctx, "community"), opt(ctx, "grid"),
                            opt(ctx, "address")), form(ctx, "notes"), opt(ctx, "department"));
        } catch (IllegalArgumentException e) {
            outcome(ctx, 400, false, e.getMessage());
            return;
        }
        String agent = AccessGate.person(ctx).person().login();
        blocking.run(() -> desk.handle(form, handling, agent)).onSuccess(r -> {
            switch (r) {
                case TicketResult.Done d -> {
                    ctx.response().putHeader("HX-Trigger", AgentSmsRoutes.HANDLED);
                    outcome(ctx, 200, true, done(handling)
                        + "：工单 " + d.order().ticket().grouped() + "，" + views.serviceNames()
                        .get(d.order().serviceCode().orElseThrow())
                            + d.correction().map(c -> "；已记录服务纠正 " + c).orElse(""));
                }
                case TicketResult.Refused f -> outcome(ctx, 400, false, f.reason());
                case TicketResult.NotFound n -> outcome(ctx, 404, false, "没有工单 " + raw);
                case TicketResult.NotOpen n -> outcome(ctx, 409, false, "工单已是「" + new Labels().state(n.state())
                        + "」，未作更改");
            }
        }).onFailure(ctx::fail);
    }

    private static String done(Handling handling) {
        return switch (handling) {
            case ANSWER -> "已直接答复";
            case DISPATCH -> "已派单";
            case TRANSFER -> "已转办";
        };
    }

    private void outcome(RoutingContext ctx, int status, boolean ok, String message) {
        pages.sendFragment(ctx, status, "ticket", "outcome", Map.of("ok", ok, "message", message));
    }

    private static RequestType type(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("请选择诉求类型");
        }
        RequestType t = RequestType.parse(value);
        if (!TicketViews.TYPES.contains(t)) {
            throw new IllegalArgumentException("诉求类型须为咨询、求助、投诉或建议");
        }
        return t;
    }

    private static Priority priority(String value) {
        return value.isEmpty() ? Priority.NORMAL : Priority.ofWire(value);
    }

    private static String param(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getParam(name)).orElse("");
    }

    private static String form(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getFormAttribute(name)).orElse("").strip();
    }

    private static Optional<String> opt(RoutingContext ctx, String name) {
        return Optional.of(form(ctx, name)).filter(v -> !v.isEmpty());
    }
}
