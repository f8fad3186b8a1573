package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.voice.AgentOversight;
import org.hotline81890.gateway.voice.OversightAudit;
import org.hotline81890.gateway.voice.QueueStatus;
import org.hotline81890.gateway.voice.SpyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /supervisor/agents}: the agents by state with time in state, and 监听 / 密语 / 强插 on an agent's call
 * ({@code POST /supervisor/agents/spy}: the supervisor's own extension rings, then joins through ChanSpy); each one
 * Asterisk accepted is audited (who, which agent, how, when) and the newest are listed under the agents.
 */
public final class SupervisorOversightRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorOversightRoutes.class);
    /** How many of the newest 监听 / 密语 / 强插 the page lists. */
    private static final int AUDIT_ROWS = 50;
    private final QueueStatus queue;
    private final AgentOversight oversight;
    private final Pages pages;
    private final Blocking blocking;
    private final java.time.Clock clock;
    private final OversightAudit audit;

    public SupervisorOversightRoutes(QueueStatus queue, AgentOversight oversight, OversightAudit audit, Pages pages,
                                     Blocking blocking, java.time.Clock clock) {
        this.audit = audit;
        this.queue = queue;
        this.oversight = oversight;
        this.pages = pages;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/supervisor/agents").handler(ctx -> show(ctx, 200, "", false));
        FormBody.accept(router, "/supervisor/agents/spy").handler(this::handleSpy);
    }

    private void handleSpy(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        String iface = Optional.ofNullable(ctx.request().getFormAttribute("iface")).orElse("").strip();
        Optional<SpyMode> mode = mode(ctx.request().getFormAttribute("mode"));
        if (mode.isEmpty() || !iface.matches("[A-Za-z]+/[A-Za-z0-9_.@-]{1,64}")) {
            show(ctx, 400, "请选择坐席和方式（监听、密语、强插）", true);
            return;
        }
        if (me.extension().isEmpty()) {
            show(ctx, 409, "您的账号没有分机号，无法监听", true);
            return;
        }
        blocking.run(() -> {
            Optional<QueueStatus.Snapshot> now = queue.now();
            if (now.isPresent() && now.get().agents().stream().noneMatch(a -> a.iface().equals(iface))) {
                return Optional.of("队列中没有坐席 " + iface);
            }
            Optional<String> refused = oversight.join(me.extension().get(), iface, mode.get());
            if (refused.isEmpty()) {
                audit.append(new OversightAudit.Entry(clock.instant(), me.id(), me.login(), me.extension().get(),
                        iface, mode.get()));
            }
            return refused;
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isPresent()) {
                show(ctx, 409, ar.result().get(), true);
            } else {
                LOG.info("supervisor {} joined {} ({})", me.login(), iface, mode.get());
                show(ctx, 200, mode.get().label() + " " + iface + "：已接通您的分机 " + me.extension().get(), false);
            }
        });
    }

    private record Shown(Optional<QueueStatus.Snapshot> queue, List<OversightAudit.Entry> audit) {
    }

    private static Optional<SpyMode> mode(String raw) {
        try {
            return Optional.of(SpyMode.valueOf(raw == null ? "" : raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void show(RoutingContext ctx, int status, String message, boolean error) {
        blocking.run(() -> new Shown(queue.now(), audit.newest(AUDIT_ROWS))).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Map<String, Object> v = new HashMap<>();
            Optional<QueueStatus.Snapshot> snapshot = ar.result().queue();
            v.put("telephony", snapshot.isPresent());
            v.put("agents", snapshot.map(QueueStatus.Snapshot::agents).orElse(List.of()));
            v.put("audit", RecordTable.of("oversight-audit", List.of("时间", "班长", "分机", "坐席", "方式"),
                    ar.result().audit(), e -> List.of(org.hotline81890.gateway.workorder.Wording.time(e.at()),
                            e.login(), e.extension(), e.agentIface(), e.mode().label())));
            v.put("inState", new SupervisorWallboard.AgentClock(clock.instant()));
            v.put("modes", List.of(SpyMode.values()));
            v.put("message", message);
            v.put("error", error);
            pages.send(ctx, status, "supervisor-agents", v);
        });
    }
}
