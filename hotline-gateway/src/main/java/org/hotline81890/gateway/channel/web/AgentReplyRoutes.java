package org.hotline81890.gateway.channel.web;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.desk.ReplyResult;
import org.hotline81890.gateway.desk.ReplyReview;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataView;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * A resident's held SMS reply in the desk's inbox (ADR 0024): {@code GET /agent/sms/replies/:id} (the text, the full
 * number audited, the order it answers, into the pop area) and the agent's four decisions, each a form POST under it:
 * {@code survey} (field {@code answer} 1/2/3), {@code reopen}, {@code new-request}, {@code dismiss} (field
 * {@code note}). A decided item tells the page with {@code HX-Trigger: order-handled}; a second decision is 409.
 */
final class AgentReplyRoutes {
    private final ReplyReview review;
    private final PersonalDataViews views;
    private final Pages pages;
    private final Blocking blocking;

    AgentReplyRoutes(ReplyReview review, PersonalDataViews views, Pages pages, Blocking blocking) {
        this.review = review;
        this.views = views;
        this.pages = pages;
        this.blocking = blocking;
    }

    void mount(Router router) {
        router.get("/agent/sms/replies/:id").handler(this::handleItem);
        FormBody.accept(router, "/agent/sms/replies/:id/survey").handler(ctx -> decide(ctx, (id, agent) ->
                review.survey(id, answer(ctx.request().getFormAttribute("answer")), agent)));
        FormBody.accept(router, "/agent/sms/replies/:id/reopen").handler(ctx -> decide(ctx, review::reopen));
        FormBody.accept(router, "/agent/sms/replies/:id/new-request").handler(ctx -> decide(ctx,
                review::newRequest));
        FormBody.accept(router, "/agent/sms/replies/:id/dismiss").handler(ctx -> decide(ctx, (id, agent) ->
                review.dismiss(id, ctx.request().getFormAttribute("note"), agent)));
    }

    private void handleItem(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        Optional<Long> id = id(ctx);
        if (id.isEmpty()) {
            outcome(ctx, 400, false, "编号格式不正确");
            return;
        }
        blocking.run(() -> review.item(id.get()).map(it -> {
            views.record(me, PersonalDataView.What.ORDER, Optional.of(Long.toString(it.order().id().value())),
                    Optional.of(it.reply().callerNumber()));
            return Map.<String, Object>of("reply", it.reply(), "order", it.order(),
                    "waiting", it.reply().state() == HeldReply.State.WAITING);
        })).onSuccess(vars -> {
            if (vars.isEmpty()) {
                outcome(ctx, 404, false, "没有该短信");
            } else {
                pages.sendFragment(ctx, 200, "sms", "reply", vars.get());
            }
        }).onFailure(ctx::fail);
    }

    private interface Decision {
        ReplyResult apply(long id, String agent);
    }

    private void decide(RoutingContext ctx, Decision decision) {
        Optional<Long> id = id(ctx);
        if (id.isEmpty()) {
            outcome(ctx, 400, false, "编号格式不正确");
            return;
        }
        String agent = AccessGate.person(ctx).person().login();
        Labels labels = new Labels();
        blocking.run(() -> decision.apply(id.get(), agent)).onSuccess(r -> {
            switch (r) {
                case ReplyResult.Done d -> {
                    ctx.response().putHeader("HX-Trigger", AgentSmsRoutes.HANDLED);
                    outcome(ctx, 200, true, done(d).apply(labels));
                }
                case ReplyResult.Refused f -> outcome(ctx, 400, false, f.reason());
                case ReplyResult.NotFound n -> outcome(ctx, 404, false, "没有该短信");
                case ReplyResult.Decided d -> outcome(ctx, 409, false, "该短信已由他人处理，未作更改");
                case ReplyResult.NotOpen n -> outcome(ctx, 409, false, "工单已是「" + labels.state(n.state())
                        + "」，无法这样处理，未作更改");
            }
        }).onFailure(ctx::fail);
    }

    private static Function<Labels, String> done(ReplyResult.Done d) {
        String ticket = d.order().ticket().grouped();
        return labels -> switch (d.decision()) {
            case SURVEY -> "已记为回访答复：工单 " + ticket + " 现为「" + labels.state(d.order().state()) + "」";
            case REOPENED -> "已重新派单：工单 " + ticket;
            case NEW_REQUEST -> "已转为新诉求：工单 " + ticket + "（" + labels.state(d.order().state()) + "）";
            case DISMISSED -> "已归档，说明已记录";
            case WAITING -> throw new IllegalStateException("a decision is never WAITING");
        };
    }

    private static Optional<SurveyAnswer> answer(String digit) {
        return switch (digit == null ? "" : digit.strip()) {
            case "1" -> Optional.of(SurveyAnswer.SATISFIED);
            case "2" -> Optional.of(SurveyAnswer.BASICALLY_SATISFIED);
            case "3" -> Optional.of(SurveyAnswer.UNSATISFIED);
            default -> Optional.empty();
        };
    }

    private static Optional<Long> id(RoutingContext ctx) {
        String raw = ctx.pathParam("id");
        return raw != null && raw.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(raw)) : Optional.empty();
    }

    private void outcome(RoutingContext ctx, int status, boolean ok, String message) {
        pages.sendFragment(ctx, status, "ticket", "outcome", Map.of("ok", ok, "message", message));
    }
}
