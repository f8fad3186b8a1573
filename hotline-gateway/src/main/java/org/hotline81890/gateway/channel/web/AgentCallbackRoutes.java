package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.callback.CallbackCalls;
import org.hotline81890.gateway.callback.CallbackRequest;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataView;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.voice.AgentSeat;

/**
 * The callback list on the desk: {@code GET /agent/callbacks} (the open items, full numbers: audited) and
 * {@code POST /agent/callbacks/:id/call} (one click: the agent's phone rings, then the resident's).
 */
final class AgentCallbackRoutes {
    private static final int SHOWN = 50;
    private final CallbackCalls calls;
    private final AgentSeat seat;
    private final PersonalDataViews views;
    private final Pages pages;
    private final Blocking blocking;

    AgentCallbackRoutes(CallbackCalls calls, AgentSeat seat, PersonalDataViews views, Pages pages,
                        Blocking blocking) {
        this.calls = calls;
        this.seat = seat;
        this.views = views;
        this.pages = pages;
        this.blocking = blocking;
    }

    void mount(Router router) {
        router.get("/agent/callbacks").handler(ctx -> list(ctx, 200, ""));
        FormBody.accept(router, "/agent/callbacks/:id/call").handler(this::handleCall);
    }

    private void list(RoutingContext ctx, int status, String message) {
        Person me = AccessGate.person(ctx).person();
        blocking.run(() -> {
            List<CallbackRequest> open = calls.open(SHOWN);
            if (!open.isEmpty()) {
                views.record(me, PersonalDataView.What.NUMBER, Optional.empty(), Optional.of("callback list ("
                        + open.size() + ")"));
            }
            return open;
        }).onSuccess(open -> {
            Map<String, Object> vars = new HashMap<>();
            vars.put("callbacks", open);
            vars.put("message", message);
            vars.put("ok", status == 200);
            pages.sendFragment(ctx, status, "callbacks", "list", vars);
        }).onFailure(ctx::fail);
    }

    private void handleCall(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            list(ctx, 400, "回访编号不正确");
            return;
        }
        if (me.extension().isEmpty()) {
            list(ctx, 409, "该账号没有分机，无法回拨");
            return;
        }
        String agentChannel = seat.channelOf(me.extension().get());
        blocking.run(() -> calls.call(id, me.login(), agentChannel)).onSuccess(r -> {
            switch (r) {
                case CallbackCalls.Result.Calling c -> list(ctx, 200, "正在回拨 " + c.number() + "：请接听您的话机");
                case CallbackCalls.Result.NotOpen n -> list(ctx, 409, "该回访已由他人处理或不存在");
            }
        }).onFailure(ctx::fail);
    }
}
