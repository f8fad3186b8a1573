package org.hotline81890.gateway.channel.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.dispatch.SupervisorOutcome;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.partners.ProviderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /supervisor}: the 督办 list (escalated orders, oldest first, why each is there; departments' extension
 * requests), one order with its history and the actions (reassign, back to dispatch without some, cancel, 督办单,
 * reopen), and the audit of who saw residents' data. Every action is a core use case; a refused one answers 4xx
 * with the reason on the page and changes nothing.
 */
public final class SupervisorRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorRoutes.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final SupervisorDesk desk;
    private final PersonalDataViews views;
    private final Pages pages;
    private final Blocking blocking;
    private final java.time.Clock clock;

    public SupervisorRoutes(SupervisorDesk desk, PersonalDataViews views, Pages pages, Blocking blocking,
                            java.time.Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.views = views;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/supervisor").handler(ctx -> list(ctx, 200, "", false));
        router.get("/supervisor/audit").handler(ctx -> blocking.run(() -> views.newest(200)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                pages.send(ctx, 200, "audit", Map.of("views", RecordTable.of("audit", List.of("时间 (UTC)", "查看人",
                        "内容", "工单", "来电号码"), ar.result(), v -> List.of(v.at().toString(), v.login(),
                        switch (v.what()) {
                            case HISTORY -> "来电历史";
                            case NUMBER -> "完整号码";
                            default -> "工单";
                        }, v.workOrder().orElse(""), v.callerNumber().orElse("")))));
            }
        }));
        router.get("/supervisor/orders/:ticket").handler(ctx -> order(ctx, 200, "", false));
        FormBody.accept(router, "/supervisor/orders/:ticket/reassign").handler(ctx -> onOrder(ctx, w ->
                desk.reassignment().toProvider(w.id(), provider(form(ctx, "provider")), who(ctx))));
        FormBody.accept(router, "/supervisor/orders/:ticket/redispatch").handler(ctx -> onOrder(ctx, w ->
                desk.reassignment().backToDispatch(w.id(), excluded(ctx), who(ctx))));
        FormBody.accept(router, "/supervisor/orders/:ticket/cancel").handler(ctx -> onOrder(ctx, w ->
                desk.supervision().cancel(w.id(), form(ctx, "reason"), who(ctx))));
        FormBody.accept(router, "/supervisor/orders/:ticket/reopen").handler(ctx -> onOrder(ctx, w ->
                desk.supervision().reopen(w.id(), form(ctx, "reason"), who(ctx))));
        FormBody.accept(router, "/supervisor/orders/:ticket/notice").handler(ctx -> onOrder(ctx, w ->
                desk.supervision().issueNotice(w.id(), provider(form(ctx, "department")), due(form(ctx, "due")),
                        form(ctx, "text"), who(ctx))));
        FormBody.accept(router, "/supervisor/extensions/:id/approve").handler(ctx -> onExtension(ctx, id ->
                desk.reassignment().approveExtension(id, who(ctx))));
        FormBody.accept(router, "/supervisor/extensions/:id/refuse").handler(ctx -> onExtension(ctx, id ->
                desk.reassignment().refuseExtension(id, form(ctx, "reason"), who(ctx))));
    }

    private void list(RoutingContext ctx, int status, String message, boolean error) {
        blocking.run(desk::listPage).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Map<String, Object> vars = new HashMap<>(ar.result());
            vars.put("message", message);
            vars.put("error", error);
            vars.put("fmt", new SupervisorFormat(clock.instant()));
            pages.send(ctx, status, "supervisor", vars);
        });
    }

    private void order(RoutingContext ctx, int status, String message, boolean error) {
        String raw = ctx.pathParam("ticket");
        if (!TicketNumber.isValid(raw)) {
            pages.send(ctx, 400, "problem", Map.of("message", "工单号格式不正确: " + raw));
            return;
        }
        blocking.run(() -> desk.orderPage(TicketNumber.of(raw))).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                pages.send(ctx, 404, "problem", Map.of("message", "没有工单 " + raw));
            } else {
                Map<String, Object> vars = new HashMap<>(ar.result().get());
                vars.put("message", message);
                vars.put("error", error);
                vars.put("fmt", new SupervisorFormat(clock.instant()));
                pages.send(ctx, status, "supervisor-order", vars);
            }
        });
    }

    private interface OrderAction {
        SupervisorOutcome run(WorkOrder w);
    }

    private void onOrder(RoutingContext ctx, OrderAction action) {
        String raw = ctx.pathParam("ticket");
        if (!TicketNumber.isValid(raw)) {
            pages.send(ctx, 400, "problem", Map.of("message", "工单号格式不正确: " + raw));
            return;
        }
        run(ctx, () -> {
            Optional<WorkOrder> w = desk.find(TicketNumber.of(raw));
            return w.isEmpty() ? new SupervisorOutcome.NotFound("没有工单 " + raw) : action.run(w.get());
        }, (status, message, error) -> order(ctx, status, message, error));
    }

    private void onExtension(RoutingContext ctx, java.util.function.LongFunction<SupervisorOutcome> action) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            list(ctx, 400, "延期申请编号不正确", true);
            return;
        }
        run(ctx, () -> action.apply(id), (status, message, error) -> list(ctx, status, message, error));
    }

    private interface Show {
        void show(int status, String message, boolean error);
    }

    private void run(RoutingContext ctx, Callable<SupervisorOutcome> work, Show show) {
        blocking.run(() -> {
            try {
                return work.call();
            } catch (BadInput e) {
                return new SupervisorOutcome.Invalid(e.getMessage());
            }
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            switch (ar.result()) {
                case SupervisorOutcome.Done d -> {
                    LOG.info("supervisor {}: {} {}", who(ctx), ctx.request().path(), d.message());
                    show.show(200, d.message(), false);
                }
                case SupervisorOutcome.NotFound n -> show.show(404, n.message(), true);
                case SupervisorOutcome.Invalid i -> show.show(400, i.message(), true);
                case SupervisorOutcome.Conflict c -> show.show(409, c.message(), true);
            }
        });
    }

    /** A form field that cannot be read (the use cases never see it). */
    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    private static ProviderId provider(String raw) {
        try {
            return ProviderId.of(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInput("请选择服务单位");
        }
    }

    private static Set<ProviderId> excluded(RoutingContext ctx) {
        return ctx.request().formAttributes().getAll("exclude").stream()
                .flatMap(v -> Arrays.stream(v.split("[,，\\s]+"))).filter(s -> !s.isBlank())
                .map(SupervisorRoutes::provider).collect(Collectors.toSet());
    }

    /** A {@code datetime-local} value, Beijing time. */
    private static Instant due(String raw) {
        try {
            return LocalDateTime.parse(raw.strip()).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInput("办结期限格式不正确");
        }
    }

    private static String who(RoutingContext ctx) {
        return AccessGate.person(ctx).person().login();
    }

    private static String form(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        return v == null ? "" : v;
    }
}
