package org.hotline81890.gateway.channel.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.people.Sessions;
import org.hotline81890.gateway.people.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every request, before any body is read: security headers, then the route's
 * {@link AccessRule}. People are resolved from the session cookie (through the store, so any node can serve any
 * session), checked by role and provider, and every change they send must carry the session's CSRF token: header
 * {@code X-CSRF-Token} (which the pages' htmx sends), or else form field {@code _csrf}, for which the gate reads the
 * form itself ({@link FormBody}, with its limits; the route then finds it read). A request no rule covers is refused.
 */
public final class AccessGate implements Handler<RoutingContext> {
    public static final String SESSION_COOKIE = "hotline_session";
    public static final String LOGIN_CSRF_COOKIE = "hotline_login_csrf";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SIGNED_IN = "hotline.signedIn";
    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);
    private final AccessPolicy policy;
    private final Sessions sessions;
    private final Blocking blocking;
    private final boolean secureCookies;

    public AccessGate(AccessPolicy policy, Sessions sessions, Blocking blocking, boolean secureCookies) {
        this.policy = policy;
        this.sessions = sessions;
        this.blocking = blocking;
        this.secureCookies = secureCookies;
    }

    /** The person behind this request; present on every route whose rule is {@link AccessRule.People}. */
    public static Optional<SignedIn> signedIn(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SIGNED_IN));
    }

    public static SignedIn person(RoutingContext ctx) {
        return signedIn(ctx).orElseThrow(() -> new IllegalStateException("route without a People rule"));
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        SecurityHeaders.apply(ctx.response().headers(), path);
        Optional<AccessPolicy.Match> match = policy.match(ctx.request().method(), path);
        if (match.isEmpty()) {
            LOG.debug("no access rule for {} {}: refused", ctx.request().method(), path);
            ctx.response().setStatusCode(404).end();
            return;
        }
        switch (match.get().rule()) {
            case AccessRule.Public p -> withOptionalSession(ctx);
            case AccessRule.Machine m -> ctx.next();
            case AccessRule.LoginForm f -> {
                if (!changes(ctx)) {
                    ctx.next();
                    return;
                }
                String cookie = cookie(ctx, LOGIN_CSRF_COOKIE);
                if (cookie == null || cookie.length() < 32) {
                    forbidden(ctx, "csrf");
                    return;
                }
                withCsrf(ctx, cookie, ctx::next);
            }
            case AccessRule.People people -> withSession(ctx, people, match.get().provider());
        }
    }

    /** Public pages may still greet a logged-in person (the root redirects to their home). */
    private void withOptionalSession(RoutingContext ctx) {
        String token = cookie(ctx, SESSION_COOKIE);
        if (token == null || !ctx.normalizedPath().equals("/") && !ctx.normalizedPath().equals("/login")) {
            ctx.next();
            return;
        }
        blocking.run(() -> sessions.resolve(token)).onComplete(ar -> {
            if (ar.succeeded()) {
                ar.result().ifPresent(s -> ctx.put(SIGNED_IN, s));
                ctx.next();
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private void withSession(RoutingContext ctx, AccessRule.People rule, Optional<String> provider) {
        String token = cookie(ctx, SESSION_COOKIE);
        if (token == null) {
            anonymous(ctx);
            return;
        }
        blocking.run(() -> sessions.resolve(token)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            if (ar.result().isEmpty()) {
                anonymous(ctx);
                return;
            }
            SignedIn s = ar.result().get();
            Role role = s.person().role();
            if (!rule.roles().contains(role)
                    || provider.isPresent() && !provider.equals(s.person().provider())) {
                forbidden(ctx, "role");
                return;
            }
            ctx.put(SIGNED_IN, s);
            if (changes(ctx)) {
                withCsrf(ctx, s.csrfToken(), ctx::next);
            } else {
                ctx.next();
            }
        });
    }

    /** A page asked for in a browser goes to the log-in page; anything else gets a bare 401. */
    private static void anonymous(RoutingContext ctx) {
        boolean page = ctx.request().method() == HttpMethod.GET && ctx.request().getHeader("HX-Request") == null
                && accepts(ctx, "text/html");
        if (page) {
            ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.normalizedPath(), StandardCharsets.UTF_8));
            return;
        }
        ctx.response().setStatusCode(401).end();
    }

    private static boolean accepts(RoutingContext ctx, String type) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    private static void forbidden(RoutingContext ctx, String why) {
        LOG.debug("refused {} {}: {}", ctx.request().method(), ctx.normalizedPath(), why);
        ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("csrf".equals(why) ? "请求已过期，请刷新页面后重试 (CSRF)" : "无权访问");
    }

    private static boolean changes(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        return m != HttpMethod.GET && m != HttpMethod.HEAD && m != HttpMethod.OPTIONS;
    }

    /** The header if sent; otherwise the form's {@code _csrf} field (the form is read here, once, with its limits). */
    private static void withCsrf(RoutingContext ctx, String expected, Runnable then) {
        String header = ctx.request().getHeader(CSRF_HEADER);
        if (header != null) {
            if (same(expected, header)) {
                then.run();
            } else {
                forbidden(ctx, "csrf");
            }
            return;
        }
        FormBody.read(ctx, () -> {
            if (same(expected, ctx.request().getFormAttribute(CSRF_FIELD))) {
                then.run();
            } else {
                forbidden(ctx, "csrf");
            }
        });
    }

    static boolean same(String expected, String sent) {
        return sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(RoutingContext ctx, String name) {
        Cookie c = ctx.request().getCookie(name);
        return c == null ? null : c.getValue();
    }

    /** A cookie as every cookie of the gateway is set: HttpOnly, SameSite=Lax, Secure behind TLS. */
    public Cookie cookieFor(RoutingContext ctx, String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(secureCookies || ctx.request().isSSL());
    }
}
