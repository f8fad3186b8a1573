package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.storage.mysql.Database;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.junit.jupiter.api.Test;

/** With the database unreachable, health says 503 and intake refuses with 503: nothing is pretended. */
class StorageDownIT {
    @Test
    void storageDownShouldGive503NeverAFakeSuccess() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open("jdbc:mysql://127.0.0.1:" + deadPort + "/hotline", "x", "y", 2, 300,
                Optional.empty())) {
            MySqlWorkOrderStore store = new MySqlWorkOrderStore(db.transactions(), Clock.systemUTC(),
                    new SecureRandom());
            Intake intake = new Intake(store, new HintsClassifier(), new ServiceLevels(Duration.ofHours(1),
                    Duration.ofHours(2), Duration.ofHours(3)), EventPublisher.NONE, Clock.systemUTC());
            AdminToken token = AdminToken.resolve("t0k3n", java.nio.file.Path.of("."), System.out, false);
            HttpVerticle http = new HttpVerticle(HotlineConfig.Http.plain("127.0.0.1", 0, "t0k3n", 65536), token,
                    List.of(new HealthCheck("database", db::isReachable)), java.util.Map::of,
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    List.of(new AdminRoutes(intake, store, new Blocking(vertx), token, 65536, code -> true)::mount),
                    io.vertx.ext.web.RoutingContext::next);
            vertx.deployVerticle(http).await();
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + http.actualPort());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            HttpResponse<String> create = client.send(HttpRequest.newBuilder(base.resolve("/api/admin/work-orders"))
                    .header("Authorization", "Bearer t0k3n").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"callerNumber\":\"13800001111\",\"text\":\"hi\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(create.statusCode()).isEqualTo(503);
            assertThat(create.headers().firstValue("Retry-After")).isPresent();
            assertThat(create.body()).contains("storage unavailable");
        } finally {
            vertx.close().await();
        }
        assertThat(Map.of()).isEmpty();
    }
}
