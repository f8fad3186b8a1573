package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline81890.gateway.people.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Onboarding from the admin pages alone (issue 14): a partner company with a login and an API key; bad fields are
 * refused by name with nothing saved; suspension stops the key and the login at once, reactivation restores them;
 * a revoked key stops; a rotation keeps the old key for its grace period.
 */
class OnboardingIT {
    private static final Pattern SHOWN_ONCE = Pattern.compile("id=\"shown-once\">([^<]+)<");
    @TempDir
    static Path dataDir;
    private static WebTestApp web;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        web = WebTestApp.start(dataDir, Map.of());
        admin = web.as(Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static Map<String, String> company(String id, String services) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("kind", "PARTNER_COMPANY");
        f.put("name", "宁波测试家政有限公司");
        f.put("services", services);
        f.put("coverage", "海曙区/鼓楼街道");
        f.put("hours", "24h");
        f.put("capacity", "5");
        f.put("webhook_url", "");
        f.put("sms", "13900001111");
        f.put("portal_login", "");
        return f;
    }

    private static String shownOnce(HttpResponse<String> page) {
        Matcher m = SHOWN_ONCE.matcher(page.body());
        assertThat(m.find()).as("a secret shown once in %s", page.body()).isTrue();
        return m.group(1);
    }

    private static int api(String key) {
        WebClient c = new WebClient(web.port());
        return c.send(c.request("/api/partner/offers/no-such-offer").header("Authorization", "Bearer " + key)
                .GET()).statusCode();
    }

    @Test
    void anAdminOnboardsAPartnerWithALoginAndAKeyAndSuspensionStopsBothAtOnce() {
        HttpResponse<String> bad = admin.postWithCsrf("/admin/providers", company("P-ONB1", "XX-99"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("data-field=\"services\"");
        assertThat(admin.get("/admin/providers/P-ONB1").statusCode()).as("nothing saved").isEqualTo(404);

        HttpResponse<String> saved = admin.postWithCsrf("/admin/providers", company("P-ONB1", "HK-01;HK-02"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("已保存").contains("P-ONB1");

        String key = shownOnce(admin.postWithCsrf("/admin/providers/P-ONB1/keys", Map.of("grace_hours", "0")));
        assertThat(key).matches("pk_[0-9a-f]{32}");
        assertThat(api(key)).as("the key opens the partner API (the offer is unknown)").isEqualTo(404);
        assertThat(admin.get("/admin/providers/P-ONB1").body()).contains(key.substring(0, 11))
                .doesNotContain(key);

        HttpResponse<String> staff = admin.postWithCsrf("/admin/providers/P-ONB1/staff",
                Map.of("login", "onb1-staff", "name", "李师傅", "password", "onb1-password"));
        assertThat(staff.statusCode()).isEqualTo(200);
        WebClient partner = new WebClient(web.port()).loggedIn("onb1-staff", "onb1-password");
        assertThat(partner.get("/partner").statusCode()).isEqualTo(200);

        assertThat(admin.postWithCsrf("/admin/providers/P-ONB1/suspend", Map.of()).body()).contains("已暂停");
        assertThat(api(key)).as("a suspended provider's key stops at once").isEqualTo(401);
        assertThat(partner.sendOnce(partner.request("/partner").header("Accept", "text/html").GET()).statusCode())
                .as("its staff's open session ends at once").isEqualTo(302);
        assertThat(new WebClient(web.port()).login("onb1-staff", "onb1-password").statusCode())
                .as("and no new log-in").isNotEqualTo(302);

        admin.postWithCsrf("/admin/providers/P-ONB1/reactivate", Map.of());
        assertThat(api(key)).isEqualTo(404);
        assertThat(new WebClient(web.port()).login("onb1-staff", "onb1-password").statusCode()).isEqualTo(302);

        assertThat(admin.postWithCsrf("/admin/providers/P-ONB1/keys/" + key.substring(0, 11) + "/revoke",
                Map.of()).statusCode()).isEqualTo(200);
        assertThat(api(key)).as("revoked").isEqualTo(401);
        assertThat(admin.postWithCsrf("/admin/providers/P-ONB1/keys/pk_00000000/revoke", Map.of()).statusCode())
                .as("an unknown prefix is refused").isEqualTo(400);
    }

    @Test
    void aRotationKeepsTheOldKeyForItsGracePeriodAndAnEditKeepsStatusAndSecret() {
        Map<String, String> form = company("P-ONB2", "HK-01");
        form.put("webhook_url", "https://onb2.example/hook");
        String secret = shownOnce(admin.postWithCsrf("/admin/providers", form));
        assertThat(secret).startsWith("whsec_");
        String first = shownOnce(admin.postWithCsrf("/admin/providers/P-ONB2/keys", Map.of("grace_hours", "0")));
        String second = shownOnce(admin.postWithCsrf("/admin/providers/P-ONB2/keys", Map.of("grace_hours", "2")));
        assertThat(api(first)).as("old key within its grace").isEqualTo(404);
        assertThat(api(second)).isEqualTo(404);
        assertThat(admin.get("/admin/providers/P-ONB2").body()).contains("有效至");
        assertThat(admin.postWithCsrf("/admin/providers/P-ONB2/keys", Map.of("grace_hours", "soon")).statusCode())
                .as("grace of the wrong type").isEqualTo(400);

        form.put("name", "宁波测试家政（改名）");
        HttpResponse<String> edited = admin.postWithCsrf("/admin/providers", form);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("宁波测试家政（改名）").doesNotContain("shown-once");
        String rotated = shownOnce(admin.postWithCsrf("/admin/providers/P-ONB2/webhook-secret", Map.of()));
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
    }

    @Test
    void theCsvImportPageImportsAllRowsOrNone() {
        String header = "id,kind,name,services,coverage,hours,capacity,webhook_url,webhook_secret,sms,portal_login,"
                + "status,rating\n";
        String good = "P-ONB3,PARTNER_COMPANY,导入一号,HK-01,海曙区,24h,3,,,,onb3,ACTIVE,4.0\n";
        String badRow = "P-ONB4,PARTNER_COMPANY,导入二号,HK-01,海曙区,24h,many,,,,onb4,ACTIVE,4.0\n";
        HttpResponse<String> refused = admin.postWithCsrf("/admin/providers/import", Map.of("csv",
                header + good + badRow));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"capacity\"");
        assertThat(admin.get("/admin/providers/P-ONB3").statusCode()).as("all or none").isEqualTo(404);
        assertThat(admin.postWithCsrf("/admin/providers/import", Map.of("csv", header + good)).statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/admin/providers/P-ONB3").statusCode()).isEqualTo(200);
    }
}
