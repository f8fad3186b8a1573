package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The admin API's edge under bad input, on the whole application and real MariaDB (issue 16): every request it
 * cannot use gets its own 4xx naming the field, never a 500 or a stack trace, and nothing already stored changes.
 */
class ApiEdgeIT {
    private static final String TOKEN = "it-token-edge-admin-0123";
    private static final String ORDERS = "/api/admin/work-orders";
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> env = TestEnv.base(db, dataDir, TOKEN);
        env.put("HOTLINE_HTTP_METRICS", "token");
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out);
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    @Test
    void aBodyOnARouteThatTakesNoneShouldBeIgnored() throws Exception {
        HttpResponse<String> r = send(at("/health").header("Content-Type", "application/x-www-form-urlencoded")
                .method("GET", HttpRequest.BodyPublishers.ofString("x=1")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        HttpResponse<Void> head = HTTP.send(at("/health").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyJsonShouldBeTakenAndOnlyUpToTheLimit() throws Exception {
        String json = "{\"callerNumber\":\"13800003333\",\"text\":\"" + "路灯坏了".repeat(300) + "\"}";
        HttpResponse<String> untyped = send(admin(ORDERS).POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(415);
        HttpResponse<String> form = send(admin(ORDERS).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("callerNumber=1&text=" + "x".repeat(70_000))));
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> big = send(post("{\"callerNumber\":\"138\",\"text\":\"" + "长".repeat(70_000) + "\"}"));
        assertThat(big.statusCode()).isEqualTo(413);
        HttpResponse<String> deep = send(post("[".repeat(5000) + "]".repeat(5000)));
        assertThat(field(deep)).isEqualTo("body");
        assertThat(deep.body()).doesNotContain("StreamReadConstraints").doesNotContain("jackson");
        assertThat(send(post(json)).statusCode()).isEqualTo(201);
    }

    @Test
    void wrongTypesAndUnknownValuesShouldBeRefusedNamingTheField() throws Exception {
        assertThat(field(send(post("{\"callerNumber\":\"13800003333\",\"text\":{\"a\":1}}")))).isEqualTo("text");
        assertThat(field(send(post("{\"callerNumber\":\"abc\",\"text\":\"路灯坏了\"}")))).isEqualTo("callerNumber");
        assertThat(field(send(post("{\"callerNumber\":13800003333,\"text\":\"路灯坏了\"}")))).isEqualTo("callerNumber");
        assertThat(field(send(post("{\"callerNumber\":\"13800003333\",\"text\":\"路灯坏了\",\"serviceCode\":\"ZZ-99\"}"))))
                .isEqualTo("serviceCode");
        assertThat(field(send(admin(ORDERS + "?caller=1234567890123456789012345")))).isEqualTo("caller");
        assertThat(field(send(post("{\"callerNumber\":\"13800003333\",\"text\":\"x\",\"area\":{\"address\":"
                + "\"" + "路".repeat(256) + "\"}}")))).isEqualTo("address");
    }

    @Test
    void invalidUtf8ShouldBeRefusedAndControlCharactersStripped() throws Exception {
        byte[] prefix = "{\"callerNumber\":\"13800003334\",\"text\":\"路灯".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, bad, 0, prefix.length);
        bad[prefix.length] = (byte) 0xC3;
        bad[prefix.length + 1] = (byte) 0x28;
        bad[prefix.length + 2] = '"';
        bad[prefix.length + 3] = '}';
        assertThat(field(send(admin(ORDERS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bad))))).isEqualTo("body");
        HttpResponse<String> r = send(post("{\"callerNumber\":\"13800003334\",\"text\":\"路灯\\u0000坏了\\u001b[2J\"}"));
        assertThat(r.statusCode()).isEqualTo(201);
        JsonObject created = new JsonObject(r.body());
        assertThat(created.getString("text")).isEqualTo("路灯坏了[2J");
        assertThat(created.getJsonObject("deadlines").getString("respondBy")).isNotNull();
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestShouldGet422() throws Exception {
        String first = "{\"callerNumber\":\"13800006666\",\"text\":\"楼道灯不亮了\"}";
        HttpResponse<String> created = send(post(first).header("Idempotency-Key", "k-422"));
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> retry = send(post("{ \"text\":\"楼道灯不亮了\", \"callerNumber\":\"138-0000-6666\" }")
                .header("Idempotency-Key", "k-422"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(retry.body()).getString("ticket"))
                .isEqualTo(new JsonObject(created.body()).getString("ticket"));
        HttpResponse<String> other = send(post("{\"callerNumber\":\"13900007777\",\"text\":\"家里停水了\"}")
                .header("Idempotency-Key", "k-422"));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(other.body()).doesNotContain(new JsonObject(created.body()).getString("ticket"));
        assertThat(new JsonObject(send(admin(ORDERS + "?caller=13900007777")).body()).getInteger("count"))
                .isZero();
    }

    @Test
    void answersShouldNotBeCachedOrSniffedAndTheSchemeIsCaseInsensitive() throws Exception {
        HttpResponse<String> r = send(at(ORDERS + "?state=RECEIVED").header("Authorization", "bEaReR " + TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void clickToCallWithoutAmiShouldSayItCannotBeDoneNotAskForARetry() throws Exception {
        // L7: 503 + Retry-After before, though no retry can help while ami.enabled is false
        HttpResponse<String> r = send(admin("/api/admin/click-to-call").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agent\":\"1001\",\"number\":\"13800001111\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(501);
        assertThat(r.headers().firstValue("Retry-After")).isEmpty();
        assertThat(new JsonObject(r.body()).getString("message")).contains("ami.enabled");
    }

    @Test
    void badBodiesShouldNotWriteAStackTraceToTheLog() throws Exception {
        // M1: each such request wrote ~48 lines (an unhandled exception in the router): a log flood for anyone
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            send(at("/health").header("Content-Type", "multipart/form-data; boundary=x")
                    .method("GET", HttpRequest.BodyPublishers.ofString("x=1")));
            send(admin(ORDERS).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + "长".repeat(2000) + "\"}")));
            send(admin(ORDERS).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofString("note=" + "x".repeat(70_000)))));
            send(post("[".repeat(5000) + "]".repeat(5000)));
            assertThat(send(at("/health")).statusCode()).isEqualTo(200);
        } finally {
            root.detachAppender(seen);
        }
        assertThat(seen.list).filteredOn(e -> e.getThrowableProxy() != null)
                .filteredOn(e -> e.getLoggerName().startsWith("io.vertx")
                        || e.getLoggerName().startsWith("org.hotline81890.gateway.channel.http"))
                .as("stack traces logged for bad requests").isEmpty();
    }

    @Test
    void metricsShouldFollowTheirAccessSetting() throws Exception {
        assertThat(send(at("/metrics")).statusCode()).isEqualTo(401);
        assertThat(send(admin("/metrics")).statusCode()).isEqualTo(200);
    }

    private static String field(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return new JsonObject(r.body()).getString("field");
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path));
    }

    private static HttpRequest.Builder admin(String path) {
        return at(path).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpRequest.Builder post(String body) {
        return admin(ORDERS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
