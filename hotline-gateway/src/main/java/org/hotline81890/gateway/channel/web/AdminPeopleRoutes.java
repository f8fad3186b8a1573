package org.hotline81890.gateway.channel.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.people.AddResult;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /admin}: the people of the hotline, with the same verbs as {@code hotline users}. */
public final class AdminPeopleRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AdminPeopleRoutes.class);
    private final People people;
    private final Predicate<String> knownProvider;
    private final Pages pages;
    private final Blocking blocking;

    /** {@code knownProvider}: whether a provider id is in the provider table (staff of no provider see no job). */
    public AdminPeopleRoutes(People people, Predicate<String> knownProvider, Pages pages, Blocking blocking) {
        this.people = people;
        this.knownProvider = knownProvider;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/admin").handler(ctx -> show(ctx, 200, "", false));
        FormBody.accept(router, "/admin/people").handler(this::handleAdd);
        FormBody.accept(router, "/admin/people/:login/disable").handler(ctx -> act(ctx,
                () -> people.disable(ctx.pathParam("login")), "已停用 " + ctx.pathParam("login")));
        FormBody.accept(router, "/admin/people/:login/password").handler(ctx -> act(ctx,
                () -> people.resetPassword(ctx.pathParam("login"), form(ctx, "password")),
                "已重置 " + ctx.pathParam("login") + " 的密码"));
    }

    private void handleAdd(RoutingContext ctx) {
        Optional<Role> role = Role.of(form(ctx, "role"));
        if (role.isEmpty()) {
            show(ctx, 400, "未知角色: " + form(ctx, "role"), true);
            return;
        }
        NewPerson p = new NewPerson(form(ctx, "login"), role.get(), form(ctx, "name"),
                Optional.of(form(ctx, "provider")), Optional.of(form(ctx, "extension")));
        String by = AccessGate.person(ctx).person().login();
        String password = form(ctx, "password");
        Callable<AddResult> add = () -> unknownProvider(p).<AddResult>map(id -> new AddResult.Refused("没有服务单位 "
                + id + "：请先在“服务单位”页录入，再为它建账号")).orElseGet(() -> people.add(p, password));
        blocking.run(add).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            switch (ar.result()) {
                case AddResult.Created c -> {
                    LOG.info("{} created {} ({})", by, c.person().login(), c.person().role().wire());
                    show(ctx, 200, "已创建 " + c.person().login() + " (" + c.person().role().label() + ")", false);
                }
                case AddResult.Refused r -> show(ctx, 400, r.reason(), true);
            }
        });
    }

    /** The provider of a valid request that the provider table does not know (its staff could never see a job). */
    private Optional<String> unknownProvider(NewPerson p) {
        return p.problem().isPresent() ? Optional.empty() : p.provider().filter(id -> !knownProvider.test(id));
    }

    private void act(RoutingContext ctx, Callable<Optional<String>> action, String done) {
        blocking.run(action).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isPresent()) {
                show(ctx, 400, ar.result().get(), true);
            } else {
                LOG.info("{}: {}", AccessGate.person(ctx).person().login(), done);
                show(ctx, 200, done, false);
            }
        });
    }

    private void show(RoutingContext ctx, int status, String message, boolean error) {
        blocking.run(people::list).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Map<String, Object> vars = new HashMap<>();
            vars.put("people", ar.result());
            vars.put("roles", List.copyOf(Arrays.asList(Role.values())));
            vars.put("message", message);
            vars.put("error", error);
            pages.send(ctx, status, "admin", vars);
        });
    }

    private static String form(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        return v == null ? "" : v;
    }
}
