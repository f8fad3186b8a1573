package org.hotline81890.gateway.channel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.KpiReport;
import org.hotline81890.gateway.supervision.OrderCounts;
import org.hotline81890.gateway.voice.AgentState;
import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.voice.QueueStatus;
import org.hotline81890.partners.kpi.KpiRow;
import org.hotline81890.partners.kpi.Rate;

/**
 * The wallboard at {@code /supervisor/wallboard}, live over Server-Sent Events ({@code /supervisor/wallboard/events}):
 * the queue now (callers waiting, the longest wait, agents by state, from AMI QueueStatus), today's calls (service
 * level within 15 s, GB/T 33358, and 80/20; average speed of answer, abandonment, average handle time, from the call
 * records), SMS requests, orders open and overdue, and today's 响应率 / 解决率 / 满意率. One computation per node
 * serves every open board: on every committed work-order change (the event bus, coalesced) and every
 * {@link #TICK} for the queue clock, only while someone watches.
 */
public final class SupervisorWallboard {
    public static final String ADDRESS = "hotline.supervisor.wallboard";
    static final Duration TICK = Duration.ofSeconds(2);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final long KEEP_ALIVE_MS = 15_000;
    private final Vertx vertx;
    private final QueueStatus queue;
    private final CallRecords calls;
    private final OrderCounts orders;
    private final Optional<KpiReport> kpis;
    private final Pages pages;
    private final Blocking blocking;
    private final Clock clock;
    private final AtomicInteger viewers = new AtomicInteger();
    private final AtomicBoolean computing = new AtomicBoolean();
    private long timer = -1;
    private MessageConsumer<Object> changes;

    public SupervisorWallboard(Vertx vertx, QueueStatus queue, CallRecords calls, OrderCounts orders,
                               Optional<KpiReport> kpis, Pages pages, Blocking blocking, Clock clock) {
        this.vertx = vertx;
        this.queue = queue;
        this.calls = calls;
        this.orders = orders;
        this.kpis = kpis;
        this.pages = pages;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/supervisor/wallboard").handler(ctx -> blocking.run(this::figures).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                pages.send(ctx, 200, "supervisor-wallboard", ar.result());
            }
        }));
        router.get("/supervisor/wallboard/events").handler(this::handleEvents);
    }

    /** Everything the board shows, now (blocking: AMI and the database). */
    public Map<String, Object> figures() {
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, BEIJING).atStartOfDay(BEIJING).toInstant();
        Map<String, Object> v = new HashMap<>();
        Optional<QueueStatus.Snapshot> q = queue.now();
        v.put("telephony", q.isPresent());
        v.put("waiting", q.map(QueueStatus.Snapshot::waiting).orElse(0));
        v.put("longestWait", clockText(q.map(QueueStatus.Snapshot::longestWaitSeconds).orElse(0L)));
        List<QueueStatus.Agent> agents = q.map(QueueStatus.Snapshot::agents).orElse(List.of());
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        agents.forEach(a -> byState.merge(a.state(), 1, Integer::sum));
        v.put("agents", agents);
        v.put("byState", byState);
        v.put("states", List.of(AgentState.READY, AgentState.ON_CALL, AgentState.RINGING, AgentState.PAUSED,
                AgentState.WRAP_UP));
        v.put("inState", new AgentClock(now));
        CallRecords.CallKpis within15 = calls.kpis(dayStart, now.plusMillis(1), Duration.ofSeconds(15));
        CallRecords.CallKpis within20 = calls.kpis(dayStart, now.plusMillis(1), Duration.ofSeconds(20));
        CallRecords.CallTimes times = calls.times(dayStart, now.plusMillis(1));
        v.put("offered", within15.offered());
        v.put("sl15", percent(within15.answeredInTime(), within15.offered()));
        v.put("sl20", percent(within20.answeredInTime(), within20.offered()));
        v.put("abandon", percent(within15.abandoned(), within15.offered()));
        v.put("asa", Math.round(times.averageSpeedOfAnswer()) + " 秒");
        v.put("aht", clockText(Math.round(times.averageTalk())));
        OrderCounts.Counts c = orders.counts(dayStart, now);
        v.put("orders", c);
        Optional<KpiRow> row = kpis.map(k -> k.overall(dayStart));
        v.put("response", row.map(r -> percent(r.response())).orElse("–"));
        v.put("resolution", row.map(r -> percent(r.resolution())).orElse("–"));
        v.put("satisfaction", row.map(r -> percent(r.satisfaction())).orElse("–"));
        v.put("updated", new SupervisorFormat(now).time(now));
        return v;
    }

    /** How long each agent has been in its state, as the board shows it. */
    public static final class AgentClock {
        private final Instant now;

        AgentClock(Instant now) {
            this.now = now;
        }

        public String of(QueueStatus.Agent a) {
            return a.since().map(s -> clockText(Math.max(0, Duration.between(s, now).toSeconds()))).orElse("—");
        }
    }

    private void handleEvents(RoutingContext ctx) {
        HttpServerResponse res = ctx.response();
        res.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("X-Accel-Buffering", "no");
        res.write(": wallboard\n\n");
        MessageConsumer<String> boards = vertx.eventBus().consumer(ADDRESS, msg -> send(res, msg.body()));
        long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, id -> res.write(": keep-alive\n\n"));
        watch(1);
        refresh();
        res.closeHandler(x -> {
            boards.unregister();
            vertx.cancelTimer(keepAlive);
            watch(-1);
        });
    }

    /** Starts the tick and the change listener with the first viewer, stops them after the last. */
    private synchronized void watch(int delta) {
        int now = viewers.addAndGet(delta);
        if (now > 0 && timer < 0) {
            timer = vertx.setPeriodic(TICK.toMillis(), id -> refresh());
            changes = vertx.eventBus().consumer(LiveViewBridge.ADDRESS, msg -> refresh());
        } else if (now == 0 && timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
            changes.unregister();
        }
    }

    /** Computes and publishes the board, one computation at a time (a change meanwhile shows at the next tick). */
    private void refresh() {
        if (!computing.compareAndSet(false, true)) {
            return;
        }
        blocking.run(() -> pages.renderFragment("supervisor-wallboard", "board", figures())).onComplete(ar -> {
            computing.set(false);
            if (ar.succeeded()) {
                vertx.eventBus().publish(ADDRESS, ar.result());
            }
        });
    }

    private static void send(HttpServerResponse res, String html) {
        if (res.closed() || res.ended()) {
            return;
        }
        StringBuilder b = new StringBuilder("event: board\n");
        for (String line : html.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        res.write(b.append('\n').toString());
    }

    private static String percent(long count, long outOf) {
        return outOf == 0 ? "–" : Math.round(count * 1000.0 / outOf) / 10.0 + "%";
    }

    private static String percent(Rate r) {
        return r.value().map(x -> Math.round(x * 1000) / 10.0 + "%").orElse("–");
    }

    static String clockText(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
