package org.hotline81890.gateway.channel.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.voice.AgentCalls;
import org.hotline81890.gateway.voice.AgentSeat;
import org.hotline81890.gateway.voice.AgentState;
import org.hotline81890.gateway.voice.WrapUps;

/**
 * The agent desk: {@code /agent} (state bar, screen pop), {@code POST /agent/state} (through AMI) and
 * {@code /agent/events}, one Server-Sent Events stream per open desk fed by the event bus. EventSource reconnects by
 * itself after a dropped connection; a comment every 15 s keeps proxies from closing an idle stream.
 */
public final class AgentDeskRoutes {
    private static final long KEEP_ALIVE_MS = 15_000;
    /** What the bar says after 签出 during 话后整理: out of the queue, the code still to pick. */
    static final String SIGNED_OUT_WRAP_UP_DUE = "已签出；请选择话后整理代码完成整理";
    private final Vertx vertx;
    private final AgentSeat seat;
    private final Duration wrapUpTime;
    private final ScreenPop pop;
    private final Pages pages;
    private final Blocking blocking;

    AgentDeskRoutes(Vertx vertx, AgentSeat seat, Duration wrapUpTime, ScreenPop pop, Pages pages, Blocking blocking) {
        this.vertx = vertx;
        this.seat = seat;
        this.wrapUpTime = wrapUpTime;
        this.pop = pop;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/agent").handler(this::handleDesk);
        FormBody.accept(router, "/agent/state").handler(this::handleState);
        router.get("/agent/events").handler(this::handleEvents);
    }

    private void handleState(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        String to = Optional.ofNullable(ctx.request().getFormAttribute("to")).orElse("");
        String reason = Optional.ofNullable(ctx.request().getFormAttribute("reason")).orElse("");
        AgentState target;
        try {
            target = AgentState.valueOf(to);
        } catch (IllegalArgumentException e) {
            stateBar(ctx, 400, AgentState.SIGNED_OUT, "未知状态: " + to);
            return;
        }
        Optional<String> wrapUp = Optional.ofNullable(ctx.request().getFormAttribute("wrapUp"));
        blocking.run(() -> to.equals("PAUSED") && reason.equals("签入")
                ? seat.signIn(me.extension(), me.name())
                : target == AgentState.READY ? seat.ready(me.extension(), wrapUp, me.login())
                : target == AgentState.SIGNED_OUT ? seat.signOut(me.extension(), wrapUp.filter(c -> !c.isEmpty()),
                        me.login())
                : seat.change(me.extension(), new AgentSeat.Change(target, Optional.of(reason))))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(ar.cause());
                    } else if (ar.result().isPresent()) {
                        stateBar(ctx, 409, target, ar.result().get());
                    } else {
                        stateBar(ctx, 200, target, "");
                    }
                });
    }

    private void handleDesk(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        blocking.run(() -> seat.openWrapUp(me.extension())).onSuccess(open -> {
            Map<String, Object> vars = open.map(w -> barVars(AgentState.WRAP_UP, wrapUpReason(w),
                    w.startedAt().toEpochMilli(), wrapUpUntil(w), "")).orElseGet(() -> barVars(
                    AgentState.SIGNED_OUT, "", System.currentTimeMillis(), 0, ""));
            pages.send(ctx, 200, "agent", vars);
        }).onFailure(ctx::fail);
    }

    private void stateBar(RoutingContext ctx, int status, AgentState state, String message) {
        String reason = Optional.ofNullable(ctx.request().getFormAttribute("reason")).orElse("");
        if (state == AgentState.READY || state == AgentState.SIGNED_OUT) {
            // Leaving after-call work: refused (a wrap-up code missing), or out of the queue with the code still to
            // pick (签出 during 话后整理), the desk stays in the wrap-up, its clock running on.
            Person me = AccessGate.person(ctx).person();
            AgentState otherwise = status == 200 ? state : state == AgentState.READY ? AgentState.PAUSED
                    : AgentState.SIGNED_OUT;
            blocking.run(() -> seat.openWrapUp(me.extension())).onSuccess(open -> pages.sendFragment(ctx, status,
                    "agent", "statebar", open.map(w -> barVars(AgentState.WRAP_UP, wrapUpReason(w),
                            w.startedAt().toEpochMilli(), wrapUpUntil(w),
                            status == 200 ? SIGNED_OUT_WRAP_UP_DUE : message))
                            .orElseGet(() -> barVars(otherwise, "", System.currentTimeMillis(), 0, message))))
                    .onFailure(ctx::fail);
            return;
        }
        // Only a pause has a reason; the wrap-up form's own (话后整理) does not follow the agent out of it.
        pages.sendFragment(ctx, status, "agent", "statebar", barVars(state, state == AgentState.PAUSED ? reason : "",
                System.currentTimeMillis(), 0, message));
    }

    /** The wrap-up's countdown runs from its stored start on any page and after a reload (0: no countdown). */
    private long wrapUpUntil(WrapUps.Open w) {
        return wrapUpTime.isZero() ? 0 : w.startedAt().plus(wrapUpTime).toEpochMilli();
    }

    private static String wrapUpReason(WrapUps.Open w) {
        return w.signedOut() ? AgentCalls.WRAP_UP_SIGNED_OUT : AgentCalls.WRAP_UP;
    }

    private Map<String, Object> barVars(AgentState state, String reason, long since, long until, String message) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("state", state);
        vars.put("reasons", AgentSeat.PAUSE_REASONS);
        vars.put("codes", seat.wrapUpCodes());
        vars.put("message", message);
        vars.put("reason", reason);
        vars.put("signedOut", AgentCalls.WRAP_UP_SIGNED_OUT.equals(reason));
        vars.put("since", since);
        vars.put("until", until);
        return vars;
    }

    private void handleEvents(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        HttpServerResponse res = ctx.response();
        res.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("X-Accel-Buffering", "no");
        res.write(": desk " + me.login() + "\n\n");
        String csrf = AccessGate.signedIn(ctx).map(s -> s.csrfToken()).orElse("");
        MessageConsumer<JsonObject> rings = vertx.eventBus().consumer(LiveRings.ADDRESS, msg -> {
            JsonObject ring = msg.body();
            if (!seat.extensionOf(ring.getString("iface")).equals(me.extension())) {
                return;
            }
            blocking.run(() -> withCsrf(pop.build(me, ring.getString("uniqueId"), ring.getString("caller")), csrf))
                    .onSuccess(vars -> send(res, "pop", pages.renderFragment("pop", "pop", vars)));
        });
        MessageConsumer<JsonObject> states = vertx.eventBus().consumer(LiveDeskStates.ADDRESS, msg -> {
            JsonObject st = msg.body();
            if (!me.extension().equals(Optional.of(st.getString("extension")))) {
                return;
            }
            Map<String, Object> vars = barVars(AgentState.valueOf(st.getString("state")), st.getString("reason"),
                    st.getLong("since"), st.getLong("until"), "");
            vars.put("csrf", csrf);
            send(res, "state", pages.renderFragment("agent", "statebar", vars));
        });
        long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, id -> res.write(": keep-alive\n\n"));
        res.closeHandler(v -> {
            rings.unregister();
            states.unregister();
            vertx.cancelTimer(keepAlive);
        });
    }

    private static Map<String, Object> withCsrf(Map<String, Object> vars, String csrf) {
        vars.put("csrf", csrf);
        return vars;
    }

    private static void send(HttpServerResponse res, String event, String html) {
        if (res.closed() || res.ended()) {
            return;
        }
        StringBuilder b = new StringBuilder("event: ").append(event).append('\n');
        for (String line : html.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        res.write(b.append('\n').toString());
    }
}
