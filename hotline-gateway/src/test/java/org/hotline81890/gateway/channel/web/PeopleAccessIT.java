package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log-in, sessions across two nodes, CSRF, backoff, headers and the audit, over HTTP on the real database. */
class PeopleAccessIT {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path secondDataDir;
    private static WebTestApp web;

    @BeforeAll
    static void start() {
        web = WebTestApp.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void aSessionShouldWorkOnASecondNodeAndEndEverywhereOnLogout() {
        WebClient agent = web.as(Role.AGENT);
        HotlineApp second = HotlineApp.start(HotlineConfig.load(null, TestEnv.base(web.db(), secondDataDir,
                WebTestApp.TOKEN)), System.out);
        try {
            WebClient onSecond = new WebClient(second.httpPort());
            onSecond.setCookie("hotline_session", agent.cookie("hotline_session").orElseThrow());
            assertThat(onSecond.get("/agent").statusCode()).isEqualTo(200);
            assertThat(agent.postWithCsrf("/logout", Map.of()).statusCode()).isEqualTo(302);
            assertThat(onSecond.get("/agent").statusCode()).isEqualTo(302);
        } finally {
            second.close();
        }
    }

    @Test
    void aForgedOrMissingCsrfTokenShouldChangeNothing() {
        WebClient admin = web.as(Role.ADMIN);
        Map<String, String> form = Map.of("login", "forged", "role", "agent", "password", "forged-password");
        assertThat(admin.post("/admin/people", Map.of("login", "forged", "role", "agent", "password",
                "forged-password", "_csrf", "forged-token")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/people", form).statusCode()).isEqualTo(403);
        assertThat(admin.send(admin.request("/admin/people").header("HX-Request", "true")
                .header("X-CSRF-Token", "forged").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(WebClient.encode(form)))).statusCode())
                .isEqualTo(403);
        assertThat(WebTestApp.people(web.db()).find("forged")).isEmpty();
        assertThat(admin.postWithCsrf("/admin/people", form).statusCode()).isEqualTo(200);
        assertThat(WebTestApp.people(web.db()).find("forged")).isPresent();
    }

    @Test
    void staffOfAProviderThatIsNotInTheTableShouldBeRefusedAndNotCreated() {
        WebClient admin = web.as(Role.ADMIN);
        HttpResponse<String> r = admin.postWithCsrf("/admin/people", Map.of("login", "ghost-staff", "role",
                "partner", "provider", "P-NO-SUCH", "password", "ghost-password"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("没有服务单位 P-NO-SUCH");
        assertThat(WebTestApp.people(web.db()).find("ghost-staff")).isEmpty();
    }

    @Test
    void aSessionOfAnotherRoleShouldBeRefusedAndChangeNothing() {
        WebClient agent = web.as(Role.AGENT);
        HttpResponse<String> r = agent.postWithCsrf("/admin/people", Map.of("login", "sneaky", "role", "admin",
                "password", "sneaky-password"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(WebTestApp.people(web.db()).find("sneaky")).isEmpty();
    }

    @Test
    void fiveWrongPasswordsShouldSlowTheLoginWithOneMessageThatNamesNoField() {
        WebTestApp.people(web.db()).add(new org.hotline81890.gateway.people.NewPerson("slowed", Role.AGENT, "",
                java.util.Optional.empty(), java.util.Optional.empty()), "slowed-password");
        WebClient c = new WebClient(web.port());
        HttpResponse<String> wrong = c.login("slowed", "nope");
        HttpResponse<String> unknown = c.login("no-such-person", "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("用户名或密码不正确");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("用户名或密码不正确");
        for (int i = 0; i < 4; i++) {
            c.login("slowed", "nope" + i);
        }
        HttpResponse<String> slowed = c.login("slowed", "slowed-password");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(slowed.body()).contains("尝试次数过多");
    }

    @Test
    void everyAnswerShouldCarryTheSecurityHeadersAndPagesWithDataNoStore() {
        WebClient agent = web.as(Role.AGENT);
        for (String path : new String[] {"/login", "/agent", "/health"}) {
            HttpResponse<String> r = agent.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("same-origin");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        }
        HttpResponse<String> login = agent.get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).allMatch(c -> c.toLowerCase().contains("httponly")
                && c.contains("SameSite=Lax"));
        assertThat(agent.get("/static/desk.css").headers().firstValue("Cache-Control")).get().asString()
                .contains("max-age");
    }

    @Test
    void anAgentsViewOfAnOrderShouldBeAuditedForSupervisors() {
        IntakeResult r = web.app().core().intake().receive(IntakeRequest.of("phone:audit-1", Channel.PHONE,
                "13900001234", "路灯坏了好几天"));
        String ticket = ((IntakeResult.Accepted) r).workOrder().ticket().value();
        WebClient agent = web.as(Role.AGENT);
        HttpResponse<String> page = agent.get("/agent/orders/" + ticket);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("13900001234", "路灯坏了好几天");
        assertThat(agent.get("/agent/orders/123456780").statusCode()).isIn(400, 404);

        WebClient supervisor = web.as(Role.SUPERVISOR);
        HttpResponse<String> audit = supervisor.get("/supervisor/audit");
        assertThat(audit.body()).contains(WebTestApp.login(Role.AGENT), "13900001234", "来电历史");
        assertThat(agent.get("/supervisor/audit").statusCode()).isEqualTo(403);
    }
}
