package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import org.assertj.core.api.SoftAssertions;
import org.hotline81890.gateway.channel.http.AccessPolicy;
import org.hotline81890.gateway.channel.http.AccessRule;
import org.hotline81890.gateway.people.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the router has × every role × anonymous: a route without an access rule fails here, and each answer
 * must agree with the rule (let in, or 401 / redirect to the log-in page, or 403). A few lines are pinned by hand
 * as well, so a wrong rule in the table cannot pass by agreeing with itself.
 */
class AuthzMatrixIT {
    @TempDir
    static Path dataDir;
    private static WebTestApp web;
    private static final Map<Role, WebClient> PEOPLE = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        web = WebTestApp.start(dataDir, Map.of());
        for (Role r : Role.values()) {
            PEOPLE.put(r, web.as(r));
        }
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private record Probe(HttpMethod method, String template, String path) {
    }

    /** The router's routes with a concrete path each; POST /logout last, since it ends the session. */
    private static List<Probe> probes() {
        List<Probe> out = new ArrayList<>();
        for (Route route : web.app().httpRoutes()) {
            String template = route.getPath();
            if (template == null) {
                continue;
            }
            // Vert.x reports a prefix route ("/api/admin/*") by its prefix ("/api/admin/").
            String filled = template.replaceAll(":[A-Za-z]+", "123456789");
            String path = filled.length() > 1 && filled.endsWith("/") ? filled + "probe" : filled;
            Set<HttpMethod> methods = route.methods() == null || route.methods().isEmpty()
                    ? Set.of(HttpMethod.GET) : route.methods();
            methods.forEach(m -> out.add(new Probe(m, template, path)));
        }
        out.sort(Comparator.comparing((Probe p) -> p.path().equals("/logout")).thenComparing(Probe::path));
        return out;
    }

    @Test
    void everyRouteShouldHaveARuleAndAnswerEveryRoleAsTheRuleSays() {
        AccessPolicy policy = AccessPolicy.standard();
        SoftAssertions soft = new SoftAssertions();
        List<Probe> probes = probes();
        assertThat(probes).extracting(Probe::template).contains("/login", "/agent", "/admin", "/api/admin/",
                "/supervisor/audit");
        for (Probe p : probes) {
            Optional<AccessPolicy.Match> match = policy.match(p.method(), p.path());
            soft.assertThat(match).as("access rule for %s %s", p.method(), p.template()).isPresent();
            if (match.isEmpty()) {
                continue;
            }
            soft.assertThat(answer(new WebClient(web.port()), p)).as("anonymous %s %s", p.method(), p.template())
                    .isEqualTo(expected(match.get().rule(), Optional.empty()));
            for (Role r : Role.values()) {
                soft.assertThat(answer(PEOPLE.get(r), p)).as("%s %s %s", r, p.method(), p.template())
                        .isEqualTo(expected(match.get().rule(), Optional.of(r)));
            }
        }
        soft.assertAll();
    }

    @Test
    void pinnedLinesShouldHoldWhateverTheTable() {
        assertThat(answer(new WebClient(web.port()), new Probe(HttpMethod.GET, "", "/admin"))).isEqualTo("login");
        for (Role r : Role.values()) {
            WebClient c = web.as(r);
            assertThat(answer(c, new Probe(HttpMethod.GET, "", "/admin"))).as(r.name())
                    .isEqualTo(r == Role.ADMIN ? "in" : "forbidden");
            assertThat(answer(c, new Probe(HttpMethod.GET, "", "/agent"))).as(r.name())
                    .isEqualTo(r == Role.AGENT ? "in" : "forbidden");
            assertThat(answer(c, new Probe(HttpMethod.GET, "", "/supervisor/audit"))).as(r.name())
                    .isEqualTo(r == Role.SUPERVISOR ? "in" : "forbidden");
            assertThat(answer(c, new Probe(HttpMethod.GET, "", "/api/admin/work-orders?state=RECEIVED")))
                    .as("a session opens no machine API: " + r).isEqualTo("anonymous");
        }
        HttpResponse<String> token = new WebClient(web.port()).send(new WebClient(web.port())
                .request("/api/admin/work-orders?state=RECEIVED")
                .header("Authorization", "Bearer " + WebTestApp.TOKEN));
        assertThat(token.statusCode()).as("the admin token keeps working").isEqualTo(200);
    }

    /** What the rule allows: "in", "login" (401 or the redirect to the log-in page) or "forbidden". */
    private static String expected(AccessRule rule, Optional<Role> who) {
        return switch (rule) {
            case AccessRule.Public p -> "in";
            case AccessRule.LoginForm f -> "in";
            case AccessRule.Machine m -> "anonymous";
            case AccessRule.People people -> who.isEmpty() ? "login"
                    : people.roles().contains(who.get()) ? "in" : "forbidden";
        };
    }

    private static String answer(WebClient c, Probe p) {
        boolean login = p.path().equals("/login") && p.method() == HttpMethod.POST;
        String csrf = c.csrf();
        if (login) {
            c.get("/login");
        }
        HttpRequest.Builder b = c.request(p.path()).header("Accept", "text/html");
        if (p.method() == HttpMethod.GET || p.method() == HttpMethod.HEAD) {
            b.GET();
        } else {
            String form = login ? "username=x&password=y&_csrf=" + c.loginCsrf() : "_csrf=" + csrf;
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(p.method().name(), HttpRequest.BodyPublishers.ofString(form));
        }
        HttpResponse<String> r = c.sendOnce(b);
        int s = r.statusCode();
        String location = r.headers().firstValue("Location").orElse("");
        if (s == 401 && p.path().startsWith("/api/")) {
            return "anonymous";
        }
        if (s == 401 && r.body().isEmpty()) {
            // The gate's 401 is bare; the log-in form's refusal of wrong credentials is a page.
            return "login";
        }
        if (s == 302 && location.startsWith("/login?")) {
            return "login";
        }
        return s == 403 ? "forbidden" : "in";
    }
}
