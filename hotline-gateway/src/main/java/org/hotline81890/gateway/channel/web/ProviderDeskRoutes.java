package org.hotline81890.gateway.channel.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.channel.http.MultipartForm;
import org.hotline81890.gateway.dispatch.CompletionRecord;
import org.hotline81890.gateway.dispatch.JobCompletion;
import org.hotline81890.gateway.dispatch.PartnerFlow;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.offer.OfferId;

/**
 * A provider desk ({@code /partner}, {@code /department}, {@code /volunteer}): the board of offers and jobs, live
 * over Server-Sent Events (one stream per open page, fed by the event bus's committed offer changes for this
 * provider only), and the actions, each one call of the partner use cases ({@link PartnerFlow}) as the API and the
 * SMS commands make it. The page checks only the form's types and lengths; every rule is the use case's.
 */
public final class ProviderDeskRoutes {
    static final String PHOTO = "photo";
    private final Desk desk;
    private final PartnerFlow flow;
    private final ProviderDesk reads;
    private final Pages pages;
    private final Blocking blocking;
    private final JobCompletion completion;
    private final int photoMax;
    private final ProviderDeskStream stream;
    private final ProviderJobPage job;

    /**
     * The three desks differ in who may use them and what they show; a desk's path is its role's home page and its
     * name the role's wire name, so the two cannot drift apart.
     */
    public enum Desk {
        PARTNER(Role.PARTNER),
        DEPARTMENT(Role.DEPARTMENT),
        VOLUNTEER(Role.VOLUNTEER);

        private final Role role;

        Desk(Role role) {
            this.role = role;
        }

        public String base() {
            return role.home();
        }

        public Role role() {
            return role;
        }

        public String wire() {
            return role.wire();
        }
    }

    public ProviderDeskRoutes(Desk desk, Vertx vertx, PartnerFlow flow, ProviderDesk reads,
                              PersonalDataViews audit, Pages pages, Blocking blocking, JobCompletion completion,
                              int photoMax) {
        this.desk = desk;
        this.completion = completion;
        this.photoMax = photoMax;
        this.stream = new ProviderDeskStream(vertx, reads, pages, blocking);
        this.job = new ProviderJobPage(desk, reads, audit, completion, pages, blocking);
        this.flow = flow;
        this.reads = reads;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        String b = desk.base();
        router.get(b).handler(this::handlePage);
        router.get(b + "/board").handler(ctx -> board(ctx, 200, ""));
        router.get(b + "/events").handler(this::handleEvents);
        router.get(b + "/offers/:offerId").handler(ctx -> job.handle(ctx, provider(ctx), vars(ctx, "")));
        FormBody.accept(router, b + "/offers/:offerId/accept").handler(ctx -> act(ctx, "已接单",
                (p, id) -> flow.accept(p, id, Channel.WEB)));
        FormBody.accept(router, b + "/offers/:offerId/decline").handler(this::handleDecline);
        FormBody.accept(router, b + "/offers/:offerId/start").handler(ctx -> act(ctx, "已记录出发，已通知居民",
                (p, id) -> flow.start(p, id, Channel.WEB)));
        FormBody.acceptWithFile(router, b + "/offers/:offerId/complete", PHOTO, photoMax,
                (ctx, status, field, message) -> board(ctx, status, message)).handler(this::handleComplete);
        router.get(b + "/photos/:file").handler(ctx -> JobPhotoRoutes.send(ctx, blocking, completion,
                Optional.of(provider(ctx))));
        FormBody.accept(router, b + "/offers/:offerId/extension").handler(this::handleExtension);
    }

    private static ProviderId provider(RoutingContext ctx) {
        Person me = AccessGate.person(ctx).person();
        return ProviderId.of(me.provider().orElseThrow(() -> new IllegalStateException("provider staff without "
                + "a provider: " + me.login())));
    }

    private void handlePage(RoutingContext ctx) {
        ProviderId p = provider(ctx);
        blocking.run(() -> {
            Map<String, Object> vars = vars(ctx, "");
            vars.put("board", reads.board(p));
            vars.put("history", reads.history(p));
            vars.put("score", reads.scorecard(p));
            vars.put("hours", reads.serviceHours(p));
            if (desk == Desk.VOLUNTEER) {
                List<ProviderDesk.PersonHours> people = reads.hoursByPerson(p);
                String login = AccessGate.person(ctx).person().login();
                vars.put("people", people);
                vars.put("myHours", people.stream().filter(h -> h.login().equals(login)).findFirst()
                        .map(ProviderDesk.PersonHours::hours).orElse(new ProviderDesk.ServiceHours(0,
                                Duration.ZERO)));
            }
            return vars;
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                pages.send(ctx, 200, "provider-desk", ar.result());
            }
        });
    }

    private Map<String, Object> vars(RoutingContext ctx, String message) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("desk", desk.wire());
        vars.put("base", desk.base());
        vars.put("pl", ProviderLabels.INSTANCE);
        vars.put("reasons", DeskAnswers.DECLINE_REASONS);
        vars.put("message", message);
        vars.put("noteMax", DeskAnswers.NOTE_MAX);
        vars.put("live", false);
        return vars;
    }

    /**
     * An action's answer: the message ({@code #desk-message}) and the board, swapped into {@code #board-slot};
     * {@code status} 4xx marks a refusal (htmx still swaps it in).
     */
    private void board(RoutingContext ctx, int status, String message) {
        ProviderId p = provider(ctx);
        blocking.run(() -> {
            Map<String, Object> vars = vars(ctx, message);
            vars.put("board", reads.board(p));
            vars.put("refused", status >= 400);
            return pages.renderFragment("provider-desk", "notice", vars)
                    + pages.renderFragment("provider-desk", "board", vars);
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(ar.result());
            }
        });
    }

    private void handleDecline(RoutingContext ctx) {
        String code = form(ctx, "reason");
        String reason = DeskAnswers.DECLINE_REASONS.get(code);
        if (reason == null) {
            board(ctx, 400, "reason：请选择拒单原因（" + String.join("/", DeskAnswers.DECLINE_REASONS.keySet()) + "）");
            return;
        }
        act(ctx, "已拒单，工单将转派他人", (p, id) -> flow.decline(p, id, reason, Channel.WEB));
    }

    private void handleComplete(RoutingContext ctx) {
        String note = form(ctx, "note").strip();
        if (note.codePointCount(0, note.length()) > DeskAnswers.NOTE_MAX) {
            board(ctx, 400, "note：办结说明最多 " + DeskAnswers.NOTE_MAX + " 字");
            return;
        }
        if (desk == Desk.DEPARTMENT && note.isEmpty()) {
            board(ctx, 400, "note：请填写办理结果");
            return;
        }
        String done = desk == Desk.DEPARTMENT ? "已回复办理结果，热线将回访居民" : "已办结，感谢您的服务";
        Optional<byte[]> photo = FormBody.upload(ctx).map(MultipartForm.Upload::bytes);
        Person me = AccessGate.person(ctx).person();
        ProviderId p = provider(ctx);
        Optional<OfferId> id = offerId(ctx);
        if (id.isEmpty()) {
            return;
        }
        blocking.run(() -> completion.complete(p, id.get(), note, new CompletionRecord.Worker(me.login(), me.name()),
                photo)).onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(ar.cause());
                        return;
                    }
                    switch (ar.result()) {
                        case JobCompletion.Result.Acted a -> answer(ctx, photo.isPresent()
                                && a.result() instanceof ActionResult.Applied ? done + "（照片已上传）" : done, a.result());
                        case JobCompletion.Result.NotAnImage n -> board(ctx, 415, PHOTO
                                + "：照片须为 JPEG、PNG 或 WebP 图片");
                    }
                });
    }

    private void handleExtension(RoutingContext ctx) {
        long hours;
        try {
            hours = Long.parseLong(form(ctx, "hours").strip());
            if (hours <= 0 || hours > 24 * 30) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            board(ctx, 400, "hours：延期小时数须为 1 到 720 的整数");
            return;
        }
        String reason = form(ctx, "reason").strip();
        if (reason.isEmpty() || reason.length() > DeskAnswers.REASON_MAX) {
            board(ctx, 400, "reason：请填写延期理由（最多 " + DeskAnswers.REASON_MAX + " 字）");
            return;
        }
        Duration extra = Duration.ofHours(hours);
        // A request for a supervisor (督办) to decide, as by the API and SMS: the approval moves the handling deadline
        // and re-arms its reminder (Reassignment), whichever channel asked.
        act(ctx, "已延期 " + hours + " 小时", (p, id) -> flow.requestExtension(p, id, extra, reason));
    }

    @FunctionalInterface
    private interface Action {
        ActionResult run(ProviderId provider, OfferId offer);
    }

    private void act(RoutingContext ctx, String done, Action action) {
        ProviderId p = provider(ctx);
        Optional<OfferId> id = offerId(ctx);
        if (id.isEmpty()) {
            return;
        }
        blocking.run(() -> action.run(p, id.get())).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                answer(ctx, done, ar.result());
            }
        });
    }

    /** The path's offer id, or empty once a 400 naming it is on its way. */
    private Optional<OfferId> offerId(RoutingContext ctx) {
        try {
            return Optional.of(new OfferId(ctx.pathParam("offerId")));
        } catch (IllegalArgumentException e) {
            board(ctx, 400, "offerId：" + e.getMessage());
            return Optional.empty();
        }
    }

    private void answer(RoutingContext ctx, String done, ActionResult result) {
        switch (result) {
            case ActionResult.Applied a -> board(ctx, 200, done);
            case ActionResult.Repeated r -> board(ctx, 200, done);
            // A department's extension waits for a supervisor (督办) to approve it: nothing changed yet.
            case ActionResult.ExtensionRequested x -> board(ctx, 202, "延期申请已提交，等待督办审批");
            case ActionResult.Rejection r -> board(ctx, DeskAnswers.status(r), DeskAnswers.message(r));
        }
    }

    private void handleEvents(RoutingContext ctx) {
        Map<String, Object> base = vars(ctx, "");
        AccessGate.signedIn(ctx).ifPresent(si -> {
            base.put("me", si.person());
            base.put("csrf", si.csrfToken());
        });
        stream.open(ctx, provider(ctx), base);
    }

    private static String form(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        return v == null ? "" : v;
    }
}
