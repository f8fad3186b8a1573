package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API of the whole application on real MariaDB, over HTTP. */
class AdminApiIT {
    private static final String TOKEN = "it-token-0123456789";
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        HotlineConfig cfg = HotlineConfig.load(null, Map.of("HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST",
                "127.0.0.1", "HOTLINE_DB_URL", db.url(), "HOTLINE_DB_USER", TestDatabase.user(),
                "HOTLINE_DB_PASSWORD", TestDatabase.password(), "HOTLINE_HTTP_ADMIN_TOKEN", TOKEN,
                "HOTLINE_AGI_ENABLED", "false", "HOTLINE_DATA_DIR", dataDir.toString()));
        app = HotlineApp.start(cfg, System.out);
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    private static String body(String adminPath) {
        try {
            return send(admin(adminPath)).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path));
    }

    private static HttpRequest.Builder admin(String path) {
        return at(path).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpRequest.Builder post(String path, String body) {
        return admin(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void healthAndMetricsShouldBeServed() throws Exception {
        HttpResponse<String> health = send(at("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getJsonObject("checks").getString("database")).isEqualTo("UP");
        HttpResponse<String> metrics = send(at("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("vertx_http_server");
    }

    @Test
    void residentsDataShouldNeverBeServedWithoutTheToken() throws Exception {
        assertThat(send(at("/api/admin/work-orders?state=RECEIVED")).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send(at("/api/admin/work-orders?state=RECEIVED")
                .header("Authorization", "Bearer nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEmpty();
    }

    @Test
    void createShouldBeIdempotentAndFetchShouldShowTheHistory() throws Exception {
        String body = "{\"callerNumber\":\"138-0000-2222\",\"text\":\"家里水管漏水了，想找个师傅来修\","
                + "\"channel\":\"web\",\"area\":{\"district\":\"海曙区\",\"address\":\"中山西路8号\"}}";
        HttpResponse<String> first = send(post("/api/admin/work-orders", body).header("Idempotency-Key", "form-1"));
        assertThat(first.statusCode()).isEqualTo(201);
        JsonObject created = new JsonObject(first.body());
        assertThat(created.getString("callerNumber")).isEqualTo("13800002222");
        // The directory matched the text: a leaking pipe is a plumbing service, and dispatch was requested. (A burst
        // pipe flooding the flat is an emergency leak repair, dispatched at once, and would leave MATCHED.)
        assertThat(created.getString("state")).isEqualTo("MATCHED");
        assertThat(created.getString("serviceCode")).isNotNull();
        assertThat(created.getJsonObject("deadlines").getString("respondBy")).isNotNull();
        HttpResponse<String> again = send(post("/api/admin/work-orders", body).header("Idempotency-Key", "form-1"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(again.body()).getString("ticket")).isEqualTo(created.getString("ticket"));

        HttpResponse<String> fetched = send(admin("/api/admin/work-orders/" + created.getString("ticket")));
        assertThat(fetched.statusCode()).isEqualTo(200);
        JsonObject w = new JsonObject(fetched.body());
        assertThat(w.getString("text")).isEqualTo("家里水管漏水了，想找个师傅来修");
        assertThat(w.getJsonArray("history")).hasSize(2);
        assertThat(w.getJsonArray("history").getJsonObject(0).getString("to")).isEqualTo("RECEIVED");
        assertThat(w.getJsonArray("history").getJsonObject(1).getString("to")).isEqualTo("MATCHED");

        HttpResponse<String> byCaller = send(admin("/api/admin/work-orders?caller=13800002222"));
        assertThat(new JsonObject(byCaller.body()).getInteger("count")).isEqualTo(1);
        // Dispatch runs on its own (outbox): the order may have left MATCHED by now. Listed under its current state.
        String ticket = created.getString("ticket");
        org.hotline81890.gateway.testing.Eventually.waitFor("the order listed under its state",
                java.time.Duration.ofSeconds(20), () -> {
                    String state = new JsonObject(body("/api/admin/work-orders/" + ticket)).getString("state")
                            .toLowerCase(java.util.Locale.ROOT);
                    return body("/api/admin/work-orders?state=" + state + "&limit=500").contains(ticket);
                });
    }

    @Test
    void badInputShouldGet400NamingTheField() throws Exception {
        assertThat(field(send(post("/api/admin/work-orders", "{not json")))).isEqualTo("body");
        assertThat(field(send(post("/api/admin/work-orders", "{\"text\":\"hi\"}")))).isEqualTo("callerNumber");
        assertThat(field(send(post("/api/admin/work-orders",
                "{\"callerNumber\":\"138\",\"text\":\"x\",\"requestType\":\"moan\"}")))).isEqualTo("requestType");
        assertThat(field(send(post("/api/admin/work-orders",
                "{\"callerNumber\":\"138\",\"text\":\"x\",\"area\":\"everywhere\"}")))).isEqualTo("area");
        assertThat(field(send(admin("/api/admin/work-orders/123")))).isEqualTo("ticket");
        assertThat(field(send(admin("/api/admin/work-orders?state=SLEEPING")))).isEqualTo("state");
        HttpResponse<String> tooLarge = send(post("/api/admin/work-orders", "{\"callerNumber\":\"138\",\"text\":\""
                + "长".repeat(70_000) + "\"}"));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(tooLarge.body()).getString("field")).isEqualTo("body");
    }

    @Test
    void anUnknownTicketShouldGet404() throws Exception {
        assertThat(send(admin("/api/admin/work-orders/100000008")).statusCode()).isIn(400, 404);
    }

    private static String field(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return new JsonObject(r.body()).getString("field");
    }
}
