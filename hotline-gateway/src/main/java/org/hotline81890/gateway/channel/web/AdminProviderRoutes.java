package org.hotline81890.gateway.channel.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.dispatch.Onboarding;
import org.hotline81890.gateway.dispatch.ProviderForm;
import org.hotline81890.gateway.people.AddResult;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.importer.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/providers}: onboarding departments, partner companies and volunteers with the same use case as
 * {@code hotline providers}: create and edit, CSV import, suspend and reactivate, API keys and the webhook secret
 * (each shown once), staff logins. Every answer is the whole page with a message; a refusal is a 400 naming the field.
 */
public final class AdminProviderRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AdminProviderRoutes.class);
    private static final String LIST = "/admin/providers";
    private final Onboarding onboarding;
    private final People people;
    private final Pages pages;
    private final Blocking blocking;

    public AdminProviderRoutes(Onboarding onboarding, People people, Pages pages, Blocking blocking) {
        this.onboarding = onboarding;
        this.people = people;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get(LIST).handler(ctx -> list(ctx, 200, Notice.none()));
        FormBody.accept(router, LIST).handler(this::handleSave);
        FormBody.accept(router, LIST + "/import").handler(this::handleImport);
        router.get(LIST + "/:id").handler(ctx -> one(ctx, 200, Notice.none()));
        FormBody.accept(router, LIST + "/:id/suspend")
                .handler(ctx -> status(ctx, ProviderStatus.SUSPENDED, "已暂停"));
        FormBody.accept(router, LIST + "/:id/reactivate")
                .handler(ctx -> status(ctx, ProviderStatus.ACTIVE, "已恢复"));
        FormBody.accept(router, LIST + "/:id/keys").handler(this::handleIssueKey);
        FormBody.accept(router, LIST + "/:id/keys/:prefix/revoke").handler(this::handleRevoke);
        FormBody.accept(router, LIST + "/:id/webhook-secret").handler(this::handleRotateSecret);
        FormBody.accept(router, LIST + "/:id/staff").handler(this::handleStaff);
    }

    /** What the page says on top; {@code secret} is shown once, in a box the admin copies from. */
    record Notice(String message, boolean error, String secret, List<ImportResult.RowError> errors) {
        static Notice none() {
            return new Notice("", false, "", List.of());
        }

        static Notice ok(String message) {
            return new Notice(message, false, "", List.of());
        }

        static Notice refused(String message) {
            return new Notice(message, true, "", List.of());
        }
    }

    private void handleSave(RoutingContext ctx) {
        ProviderForm form = new ProviderForm(f(ctx, "id"), f(ctx, "kind"), f(ctx, "name"), f(ctx, "services"),
                f(ctx, "coverage"), f(ctx, "hours"), f(ctx, "capacity"), f(ctx, "webhook_url"), f(ctx, "sms"),
                f(ctx, "portal_login"));
        blocking.run(() -> onboarding.save(form)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            switch (ar.result()) {
                case Onboarding.Saved.Done d -> {
                    LOG.info("{} saved provider {}", by(ctx), d.provider().id());
                    ctx.put("id", d.provider().id().value());
                    one(ctx, 200, new Notice("已保存 " + d.provider().name(), false,
                            d.newWebhookSecret().orElse(""), List.of()));
                }
                case Onboarding.Saved.Refused r -> list(ctx, 400, new Notice("未保存：请更正标出的字段", true, "",
                        r.errors()), form);
            }
        });
    }

    private void handleImport(RoutingContext ctx) {
        String csv = f(ctx, "csv");
        blocking.run(() -> onboarding.importCsv(csv)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            switch (ar.result()) {
                case ImportResult.Valid v -> {
                    LOG.info("{} imported {} providers", by(ctx), v.providers().size());
                    list(ctx, 200, Notice.ok("已导入 " + v.providers().size() + " 个服务单位"));
                }
                case ImportResult.Invalid i -> list(ctx, 400, new Notice("未导入任何一行：请更正以下错误", true, "",
                        i.errors()));
            }
        });
    }

    private void status(RoutingContext ctx, ProviderStatus to, String done) {
        withProvider(ctx, id -> onboarding.setStatus(id, to).map(Notice::refused)
                .orElseGet(() -> {
                    LOG.info("{}: provider {} {}", by(ctx), id, to);
                    return Notice.ok(done + " " + id);
                }));
    }

    private void handleIssueKey(RoutingContext ctx) {
        Duration grace;
        try {
            long hours = f(ctx, "grace_hours").isEmpty() ? 0 : Long.parseLong(f(ctx, "grace_hours"));
            if (hours < 0 || hours > 24 * 30) {
                throw new NumberFormatException();
            }
            grace = Duration.ofHours(hours);
        } catch (NumberFormatException e) {
            ctx.put("id", ctx.pathParam("id"));
            one(ctx, 400, Notice.refused("grace_hours：须为 0 到 720 的整数（小时）"));
            return;
        }
        withProvider(ctx, id -> onboarding.issueKey(id, grace).map(k -> {
            LOG.info("{} issued key {} for {}", by(ctx), k.prefix(), id);
            return new Notice("新密钥 " + k.prefix() + "…：只显示这一次，请立即复制" + (grace.isPositive()
                    ? "；其他密钥 " + grace.toHours() + " 小时后失效" : ""), false, k.secret(), List.of());
        }).orElseGet(() -> Notice.refused("无此单位 " + id)));
    }

    private void handleRevoke(RoutingContext ctx) {
        String prefix = ctx.pathParam("prefix");
        withProvider(ctx, id -> onboarding.revokeKey(id, prefix) > 0 ? Notice.ok("已吊销密钥 " + prefix)
                : Notice.refused("prefix：没有有效的密钥 " + prefix));
    }

    private void handleRotateSecret(RoutingContext ctx) {
        withProvider(ctx, id -> onboarding.rotateWebhookSecret(id, Duration.ofHours(24)).map(s -> new Notice(
                "新的 webhook 签名密钥：只显示这一次；24 小时内新旧密钥同时签名", false, s.secret(), List.of()))
                .orElseGet(() -> Notice.refused("webhook_url：该单位没有 webhook")));
    }

    private void handleStaff(RoutingContext ctx) {
        withProvider(ctx, id -> {
            Optional<Provider> p = onboarding.provider(id);
            if (p.isEmpty()) {
                return Notice.refused("无此单位 " + id);
            }
            NewPerson person = new NewPerson(f(ctx, "login"), roleOf(p.get().kind()), f(ctx, "name"),
                    Optional.of(id.value()), Optional.empty());
            return switch (people.add(person, f(ctx, "password"))) {
                case AddResult.Created c -> Notice.ok("已创建账号 " + c.person().login());
                case AddResult.Refused r -> Notice.refused(r.reason());
            };
        });
    }

    /** The staff role a provider's kind gives. */
    static Role roleOf(ProviderKind kind) {
        return switch (kind) {
            case DEPARTMENT -> Role.DEPARTMENT;
            case PARTNER_COMPANY -> Role.PARTNER;
            case VOLUNTEER_INDIVIDUAL, VOLUNTEER_TEAM -> Role.VOLUNTEER;
        };
    }

    private void withProvider(RoutingContext ctx, java.util.function.Function<ProviderId, Notice> work) {
        ProviderId id;
        try {
            id = ProviderId.of(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            list(ctx, 400, Notice.refused("id：" + e.getMessage()));
            return;
        }
        ctx.put("id", id.value());
        blocking.run(() -> work.apply(id)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                one(ctx, ar.result().error() ? 400 : 200, ar.result());
            }
        });
    }

    private void list(RoutingContext ctx, int status, Notice notice) {
        list(ctx, status, notice, null);
    }

    private void list(RoutingContext ctx, int status, Notice notice, ProviderForm form) {
        send(ctx, status, "admin-providers", notice, () -> {
            Map<String, Object> vars = new HashMap<>();
            vars.put("providers", onboarding.providers());
            vars.put("form", form == null ? new ProviderForm("", "PARTNER_COMPANY", "", "", "", "24h", "10", "", "",
                    "") : form);
            return vars;
        });
    }

    private void one(RoutingContext ctx, int status, Notice notice) {
        String raw = ctx.get("id") != null ? ctx.get("id") : ctx.pathParam("id");
        send(ctx, status, "admin-provider", notice, () -> {
            ProviderId id = ProviderId.of(raw);
            Provider p = onboarding.provider(id).orElseThrow(() -> new NotFound(raw));
            Map<String, Object> vars = new HashMap<>();
            vars.put("p", p);
            vars.put("form", ProviderForms.of(p));
            vars.put("keys", onboarding.keys(id));
            vars.put("now", java.time.Instant.now());
            vars.put("staff", people.list().stream().filter(x -> x.provider().equals(Optional.of(id.value())))
                    .toList());
            return vars;
        });
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String id) {
            super("no provider " + id);
        }
    }

    private void send(RoutingContext ctx, int status, String template, Notice notice,
                      Callable<Map<String, Object>> load) {
        blocking.run(load).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof NotFound || ar.cause() instanceof IllegalArgumentException) {
                    ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                            .end("无此单位");
                } else {
                    ctx.fail(ar.cause());
                }
                return;
            }
            Map<String, Object> vars = ar.result();
            vars.put("notice", notice);
            vars.put("kinds", ProviderKind.values());
            vars.put("pl", ProviderLabels.INSTANCE);
            pages.send(ctx, status, template, vars);
        });
    }

    private static String by(RoutingContext ctx) {
        return AccessGate.person(ctx).person().login();
    }

    private static String f(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        return v == null ? "" : v;
    }
}
