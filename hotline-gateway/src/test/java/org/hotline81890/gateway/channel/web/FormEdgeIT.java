package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' form bodies (issue 16, M1, on the desk's routes): read only by the routes that take one, only as a
 * UTF-8 form, within the limit; CSRF from the form field or the header; never a 500, and nothing changed by a
 * refused form.
 */
class FormEdgeIT {
    @TempDir
    static Path dataDir;
    private static WebTestApp web;

    @BeforeAll
    static void start() {
        web = WebTestApp.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static HttpResponse<String> post(WebClient c, String path, String type, byte[] body,
                                             Optional<String> header) {
        HttpRequest.Builder b = c.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        header.ifPresent(h -> b.header("X-CSRF-Token", h));
        return c.sendOnce(b);
    }

    private static Optional<Person> person(String login) {
        return WebTestApp.people(web.db()).find(login);
    }

    @Test
    void aFormOnARouteWithoutABodyShouldBeIgnoredNotDecoded() {
        WebClient c = new WebClient(web.port());
        HttpRequest.Builder b = c.request("/health").header("Content-Type", "multipart/form-data; boundary=x")
                .method("GET", HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; "
                        + "name=\"a\"\r\n\r\n1\r\n--x--\r\n"));
        assertThat(c.sendOnce(b).statusCode()).isEqualTo(200);
        assertThat(c.sendOnce(c.request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminFormShouldWorkWithTheCsrfFieldOrTheHeader() {
        WebClient admin = web.as(Role.ADMIN);
        String form = "login=form-a&role=agent&name=%E7%8E%8B%E8%8A%B3&password=form-password-1&_csrf="
                + admin.csrf();
        HttpResponse<String> r = post(admin, "/admin/people", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII), Optional.empty());
        assertThat(r.statusCode()).as(r.body()).isLessThan(400);
        assertThat(person("form-a")).map(Person::name).contains("王芳");
        r = post(admin, "/admin/people", "application/x-www-form-urlencoded; charset=UTF-8",
                "login=form-b&role=agent&password=form-password-2".getBytes(StandardCharsets.US_ASCII),
                Optional.of(admin.csrf()));
        assertThat(r.statusCode()).as(r.body()).isLessThan(400);
        assertThat(person("form-b")).isPresent();
    }

    @Test
    void aFormTheRouteCannotReadShouldBeRefusedWithItsOwnStatusAndChangeNothing() {
        WebClient admin = web.as(Role.ADMIN);
        String csrf = admin.csrf();
        // multipart (what the old router-wide handler decoded): 415 before a byte of it is decoded
        assertThat(post(admin, "/admin/people", "multipart/form-data; boundary=x", ("--x\r\nContent-Disposition: "
                + "form-data; name=\"login\"\r\n\r\nform-c\r\n--x--\r\n").getBytes(StandardCharsets.US_ASCII),
                Optional.of(csrf)).statusCode()).isEqualTo(415);
        assertThat(post(admin, "/admin/people", "application/json", "{\"login\":\"form-c\"}".getBytes(
                StandardCharsets.US_ASCII), Optional.of(csrf)).statusCode()).isEqualTo(415);
        // 70 KB in one field (the partner API's TooLongFormFieldException): 413, with the CSRF in the header or not
        String big = "login=form-c&role=agent&password=form-password-3&name=" + "x".repeat(70_000);
        assertThat(post(admin, "/admin/people", "application/x-www-form-urlencoded",
                big.getBytes(StandardCharsets.US_ASCII), Optional.of(csrf)).statusCode()).isEqualTo(413);
        assertThat(post(admin, "/admin/people", "application/x-www-form-urlencoded",
                (big + "&_csrf=" + csrf).getBytes(StandardCharsets.US_ASCII), Optional.empty()).statusCode())
                .isEqualTo(413);
        // not UTF-8, a broken escape, too many fields: 400
        byte[] latin1 = "login=form-c&role=agent&password=form-password-3&name=M%FCller&_csrf=".concat(csrf)
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(post(admin, "/admin/people", "application/x-www-form-urlencoded", latin1, Optional.empty())
                .statusCode()).isEqualTo(400);
        assertThat(post(admin, "/admin/people", "application/x-www-form-urlencoded",
                "login=form-c&name=%E7%8&role=agent".getBytes(StandardCharsets.US_ASCII), Optional.of(csrf))
                .statusCode()).isEqualTo(400);
        assertThat(post(admin, "/admin/people", "application/x-www-form-urlencoded",
                "a=1&".repeat(101).getBytes(StandardCharsets.US_ASCII), Optional.of(csrf)).statusCode())
                .isEqualTo(400);
        assertThat(person("form-c")).isEmpty();
    }

    @Test
    void aChangeWithoutTheCsrfTokenShouldBeRefusedWhateverTheBody() {
        WebClient admin = web.as(Role.ADMIN);
        assertThat(post(admin, "/admin/people", "application/x-www-form-urlencoded",
                "login=form-d&role=agent&password=form-password-4".getBytes(StandardCharsets.US_ASCII),
                Optional.empty()).statusCode()).isEqualTo(403);
        assertThat(post(admin, "/admin/people", null, new byte[0], Optional.empty()).statusCode()).isEqualTo(403);
        assertThat(post(admin, "/admin/people", "application/x-www-form-urlencoded",
                "login=form-d&role=agent&password=form-password-4".getBytes(StandardCharsets.US_ASCII),
                Optional.of("forged")).statusCode()).isEqualTo(403);
        assertThat(person("form-d")).isEmpty();
    }

    @Test
    void theLoginFormShouldBeReadWithItsLimitsToo() {
        WebClient c = new WebClient(web.port());
        c.get("/login");
        String big = "username=x&password=" + "y".repeat(70_000) + "&_csrf=" + c.loginCsrf();
        assertThat(post(c, "/login", "application/x-www-form-urlencoded", big.getBytes(StandardCharsets.US_ASCII),
                Optional.empty()).statusCode()).isEqualTo(413);
        assertThat(post(c, "/login", "multipart/form-data; boundary=x", "--x--\r\n".getBytes(
                StandardCharsets.US_ASCII), Optional.empty()).statusCode()).isEqualTo(415);
        HttpResponse<String> wrong = post(c, "/login", "application/x-www-form-urlencoded",
                ("username=nobody&password=wrong-password&_csrf=" + c.loginCsrf()).getBytes(
                        StandardCharsets.US_ASCII), Optional.empty());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }
}
