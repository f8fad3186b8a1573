package org.hotline81890.gateway.channel.web;

import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.voice.CallControls;

/**
 * {@code POST /agent/calls/:uniqueId/:action} (hangup, blind, attended, three-way, dtmf; form fields {@code target}
 * or {@code digits}): the desk's call controls through {@link CallControls}. Another agent's call, or one that has
 * ended, is 403 and nothing reaches Asterisk; bad input 400; Asterisk refusing 502.
 */
final class AgentCallRoutes {
    private static final Map<String, CallControls.Action> ACTIONS = Map.of("hangup", CallControls.Action.HANG_UP,
            "blind", CallControls.Action.BLIND_TRANSFER, "attended", CallControls.Action.ATTENDED_TRANSFER,
            "three-way", CallControls.Action.THREE_WAY, "dtmf", CallControls.Action.DTMF);
    private static final Map<CallControls.Action, String> DONE = Map.of(CallControls.Action.HANG_UP, "已挂断",
            CallControls.Action.BLIND_TRANSFER, "已转接", CallControls.Action.ATTENDED_TRANSFER,
            "正在咨询转接：与对方通话后挂断即完成转接", CallControls.Action.THREE_WAY, "三方通话已发起",
            CallControls.Action.DTMF, "已发送按键");
    private final CallControls controls;
    private final Pages pages;
    private final Blocking blocking;

    AgentCallRoutes(CallControls controls, Pages pages, Blocking blocking) {
        this.controls = controls;
        this.pages = pages;
        this.blocking = blocking;
    }

    void mount(Router router) {
        FormBody.accept(router, "/agent/calls/:uniqueId/:action").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        CallControls.Action action = ACTIONS.get(ctx.pathParam("action"));
        if (action == null) {
            outcome(ctx, 404, false, "未知操作: " + ctx.pathParam("action"));
            return;
        }
        Person me = AccessGate.person(ctx).person();
        if (me.extension().isEmpty()) {
            outcome(ctx, 403, false, "该账号没有分机");
            return;
        }
        String argument = form(ctx, action == CallControls.Action.DTMF ? "digits" : "target");
        CallControls.Request request = new CallControls.Request(me.extension().get(), ctx.pathParam("uniqueId"),
                action, argument);
        blocking.run(() -> controls.act(request)).onSuccess(r -> {
            switch (r) {
                case CallControls.Result.Done d -> outcome(ctx, 200, true, DONE.get(d.action()));
                case CallControls.Result.NotYours n -> outcome(ctx, 403, false, "这不是您正在进行的通话，未作任何操作");
                case CallControls.Result.Invalid i -> outcome(ctx, 400, false, i.reason());
                case CallControls.Result.Refused f -> outcome(ctx, 502, false, f.reason());
            }
        }).onFailure(ctx::fail);
    }

    private void outcome(RoutingContext ctx, int status, boolean ok, String message) {
        pages.sendFragment(ctx, status, "ticket", "outcome", Map.of("ok", ok, "message", message));
    }

    private static String form(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getFormAttribute(name)).orElse("").strip();
    }
}
