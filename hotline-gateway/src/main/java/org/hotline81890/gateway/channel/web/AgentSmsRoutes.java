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
import org.hotline81890.gateway.desk.ReplyReview;
import org.hotline81890.gateway.desk.SmsReview;
import org.hotline81890.gateway.desk.TicketResult;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataView;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * The SMS inbox on the desk (短信待处理): {@code GET /agent/sms} (the texts waiting, numbers masked: every desk polls
 * it; residents' replies held for an agent first, see {@link AgentReplyRoutes}, then texts nobody placed),
 * {@code GET /agent/sms/:ticket} (one text, the full number audited, with the ticket form and an SMS answer, into the
 * pop area) and
 * {@code POST /agent/sms/:ticket/reply} (answered by SMS through {@link SmsReview}). A handled item tells the page
 * with the {@code HX-Trigger} event {@code order-handled}, and the inbox refreshes itself.
 */
final class AgentSmsRoutes {
    static final String HANDLED = "order-handled";
    private static final int SHOWN = 30;
    private final SmsReview review;
    private final ReplyReview replies;
    private final TicketViews tickets;
    private final PersonalDataViews views;
    private final Pages pages;
    private final Blocking blocking;

    AgentSmsRoutes(SmsReview review, ReplyReview replies, TicketViews tickets, PersonalDataViews views, Pages pages,
                   Blocking blocking) {
        this.review = review;
        this.replies = replies;
        this.tickets = tickets;
        this.views = views;
        this.pages = pages;
        this.blocking = blocking;
    }

    void mount(Router router) {
        router.get("/agent/sms").handler(this::handleList);
        router.get("/agent/sms/:ticket").handler(this::handleItem);
        FormBody.accept(router, "/agent/sms/:ticket/reply").handler(this::handleReply);
    }

    private void handleList(RoutingContext ctx) {
        blocking.run(() -> {
            List<WorkOrder> waiting = review.waiting(SHOWN);
            Map<String, Object> vars = new HashMap<>();
            vars.put("waiting", waiting);
            vars.put("total", waiting.size() < SHOWN ? waiting.size() : review.count());
            List<HeldReply> held = replies.waiting(SHOWN);
            vars.put("replies", held);
            vars.put("repliesTotal", held.size() < SHOWN ? held.size() : replies.count());
            return vars;
        }).onSuccess(vars -> pages.sendFragment(ctx, 200, "sms", "list", vars)).onFailure(ctx::fail);
    }

    private void handleItem(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        Optional<TicketNumber> ticket = ticket(ctx);
        if (ticket.isEmpty()) {
            pages.sendFragment(ctx, 400, "ticket", "outcome", Map.of("ok", false, "message", "工单号格式不正确"));
            return;
        }
        blocking.run(() -> review.item(ticket.get()).map(w -> {
            views.record(me, PersonalDataView.What.ORDER, Optional.of(Long.toString(w.id().value())),
                    Optional.of(w.callerNumber()));
            Map<String, Object> vars = new HashMap<>(tickets.form(w));
            vars.put("maxReply", SmsReview.MAX_REPLY);
            return vars;
        })).onSuccess(vars -> {
            if (vars.isEmpty()) {
                pages.sendFragment(ctx, 404, "ticket", "outcome", Map.of("ok", false, "message", "没有该短信工单"));
            } else {
                pages.sendFragment(ctx, 200, "sms", "item", vars.get());
            }
        }).onFailure(ctx::fail);
    }

    private void handleReply(RoutingContext ctx) {
        Optional<TicketNumber> ticket = ticket(ctx);
        if (ticket.isEmpty()) {
            outcome(ctx, 400, false, "工单号格式不正确");
            return;
        }
        String text = Optional.ofNullable(ctx.request().getFormAttribute("reply")).orElse("");
        String agent = AccessGate.person(ctx).person().login();
        blocking.run(() -> review.reply(ticket.get(), text, agent)).onSuccess(r -> {
            switch (r) {
                case TicketResult.Done d -> {
                    ctx.response().putHeader("HX-Trigger", HANDLED);
                    outcome(ctx, 200, true, "已短信答复：工单 " + d.order().ticket().grouped());
                }
                case TicketResult.Refused f -> outcome(ctx, 400, false, f.reason());
                case TicketResult.NotFound n -> outcome(ctx, 404, false, "没有该短信工单");
                case TicketResult.NotOpen n -> outcome(ctx, 409, false, "工单已是「" + new Labels().state(n.state())
                        + "」，已由他人处理，未作更改");
            }
        }).onFailure(ctx::fail);
    }

    private static Optional<TicketNumber> ticket(RoutingContext ctx) {
        String raw = ctx.pathParam("ticket");
        return TicketNumber.isValid(raw) ? Optional.of(TicketNumber.of(raw)) : Optional.empty();
    }

    private void outcome(RoutingContext ctx, int status, boolean ok, String message) {
        pages.sendFragment(ctx, status, "ticket", "outcome", Map.of("ok", ok, "message", message));
    }
}
