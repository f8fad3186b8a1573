package org.hotline81890.gateway.channel.web;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.FormBody;
import org.hotline81890.gateway.people.LoginResult;
import org.hotline81890.gateway.people.Sessions;
import org.hotline81890.gateway.people.SignIn;
import org.hotline81890.gateway.people.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET/POST /login}, {@code POST /logout} and {@code /}, which sends each person to their home. */
public final class LoginRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);
    private static final String REFUSED = "用户名或密码不正确";
    private final SignIn signIn;
    private final Sessions sessions;
    private final AccessGate gate;
    private final Pages pages;
    private final Blocking blocking;
    private final SecureRandom random = new SecureRandom();

    public LoginRoutes(SignIn signIn, Sessions sessions, AccessGate gate, Pages pages, Blocking blocking) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.gate = gate;
        this.pages = pages;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/").handler(ctx -> ctx.redirect(AccessGate.signedIn(ctx)
                .map(s -> s.person().role().home()).orElse("/login")));
        // A person already logged in sees the form too (to switch accounts), with a link to their desk.
        router.get("/login").handler(ctx -> showForm(ctx, 200, "", ""));
        FormBody.accept(router, "/login").handler(this::handleLogin);
        FormBody.accept(router, "/logout").handler(this::handleLogout);
    }

    private void showForm(RoutingContext ctx, int status, String login, String message) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ctx.response().addCookie(gate.cookieFor(ctx, AccessGate.LOGIN_CSRF_COOKIE, token));
        pages.send(ctx, status, "login", Map.of("loginCsrf", token, "login", login, "message", message,
                "next", safeNext(ctx.request().getParam("next"))));
    }

    private void handleLogin(RoutingContext ctx) {
        String login = ctx.request().getFormAttribute("username");
        String password = ctx.request().getFormAttribute("password");
        String next = safeNext(ctx.request().getFormAttribute("next"));
        blocking.run(() -> signIn.attempt(login, password)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            String shown = login == null ? "" : login;
            switch (ar.result()) {
                case LoginResult.Success ok -> {
                    SignedIn s = ok.session();
                    LOG.info("{} logged in as {}", s.person().login(), s.person().role().wire());
                    ctx.response().addCookie(gate.cookieFor(ctx, AccessGate.SESSION_COOKIE, s.token()));
                    ctx.response().addCookie(gate.cookieFor(ctx, AccessGate.LOGIN_CSRF_COOKIE, "").setMaxAge(0));
                    ctx.redirect(next.startsWith(s.person().role().home()) ? next : s.person().role().home());
                }
                case LoginResult.Refused r -> showForm(ctx, 401, shown, REFUSED);
                case LoginResult.SlowDown slow -> {
                    long seconds = Math.max(1, (slow.retryAfter().toMillis() + 999) / 1000);
                    ctx.response().putHeader("Retry-After", Long.toString(seconds));
                    showForm(ctx, 429, shown, "尝试次数过多，请 " + seconds + " 秒后再试");
                }
            }
        });
    }

    private void handleLogout(RoutingContext ctx) {
        SignedIn s = AccessGate.person(ctx);
        blocking.run(() -> {
            sessions.end(s.token());
            return null;
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response().addCookie(gate.cookieFor(ctx, AccessGate.SESSION_COOKIE, "").setMaxAge(0));
            ctx.redirect("/login");
        });
    }

    /** Only a path of this site: never another host (an open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "";
        }
        try {
            URI u = URI.create(next);
            return u.getHost() == null && u.getScheme() == null ? next : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
