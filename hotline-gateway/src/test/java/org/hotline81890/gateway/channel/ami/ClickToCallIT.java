package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.agi.VoiceTestApp;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.simulators.ami.OriginateOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/admin/click-to-call} against the AMI simulator over TCP: the agent's phone rings through an AMI
 * Originate and the route answers only once its channel is Up; 4xx say which field is wrong; 503 with AMI down
 * (the last test stops the simulated Asterisk).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickToCallIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "voice-it-token-0123";
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        // Local channels: the simulator reproduces what Asterisk 22 was captured doing for them.
        voice = VoiceTestApp.start(dataDir, Map.of("HOTLINE_AMI_AGENT_CHANNEL", "Local/{extension}@hotline-agents",
                "HOTLINE_AMI_ORIGINATE_TIMEOUT", "3s"));
        Eventually.waitFor("AMI login", WAIT, () -> voice.voice().ami().orElseThrow().isConnected());
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    @Test
    @Order(1)
    void answeredByTheAgentsPhoneIsConfirmedFromChannelEvents() {
        HttpResponse<String> r = post("{\"agent\":\"1001\",\"number\":\"138 0000 5555\",\"ticket\":\"123456789\"}",
                Optional.of(TOKEN));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject j = new JsonObject(r.body());
        assertThat(j.getString("state")).isEqualTo("answered");
        assertThat(j.getString("agentChannel")).isEqualTo("Local/1001@hotline-agents");
        assertThat(j.getString("actionId")).startsWith("hotline-c2c-");
        assertThat(j.getString("uniqueId")).matches("[0-9]+\\.[0-9]+");
    }

    @Test
    @Order(2)
    void anAgentPhoneThatIsNotAnsweredGives502WithTheReason() {
        voice.ami().setOriginateOutcome(ch -> ch.startsWith("Local/1002@") ? new OriginateOutcome.NoAnswer()
                : OriginateOutcome.answered());

        HttpResponse<String> r = post("{\"agent\":\"1002\",\"number\":\"13800005555\"}", Optional.of(TOKEN));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        JsonObject j = new JsonObject(r.body());
        assertThat(j.getString("state")).isEqualTo("failed");
        assertThat(j.getString("error")).contains("not answered").contains("hung up before answer");
    }

    @Test
    @Order(3)
    void badRequestsSayWhatIsWrongAndNeedTheAdminToken() {
        assertThat(post("{\"agent\":\"1001\",\"number\":\"13800005555\"}", Optional.empty()).statusCode())
                .isEqualTo(401);
        assertBad("{\"number\":\"13800005555\"}", "agent", "missing");
        assertBad("{\"agent\":\"PJSIP/1001\",\"number\":\"13800005555\"}", "agent", "PJSIP/1001");
        assertBad("{\"agent\":\"1001\",\"number\":\"call me\"}", "number", "call me");
        assertBad("{\"agent\":\"1001\",\"number\":\"13800005555\",\"ticket\":\"12\"}", "ticket", "9-digit");
        assertBad("agent=1001", "body", "JSON object");
    }

    @Test
    @Order(4)
    void thePhoneShouldRingForTheConfiguredOriginateTimeoutNotAHardCoded30Seconds() {
        // rings 4 s; ami.originate-timeout is 3 s: Asterisk must give up at 3 s (Originate Timeout 3000) and say so.
        // With a hard-coded Timeout of 30000 it would have answered at 4 s, after our wait had ended (504).
        voice.ami().setOriginateOutcome(ch -> ch.startsWith("Local/1003@")
                ? new OriginateOutcome.AnsweredAfter(Duration.ofSeconds(4)) : OriginateOutcome.answered());

        HttpResponse<String> r = post("{\"agent\":\"1003\",\"number\":\"13800005555\"}", Optional.of(TOKEN));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(new JsonObject(r.body()).getString("error")).contains("not answered");
    }

    @Test
    @Order(5)
    void asteriskDownGives503() {
        voice.ami().stop();
        Eventually.waitFor("AMI seen down", WAIT, () -> !voice.voice().ami().orElseThrow().isConnected());

        HttpResponse<String> r = post("{\"agent\":\"1001\",\"number\":\"13800005555\"}", Optional.of(TOKEN));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("5");
        assertThat(new JsonObject(r.body()).getString("message")).contains("not connected");
        // FastAGI still serves calls: the node stays ready and alive, /health (all checks) says AMI is down
        assertThat(get("/health").statusCode()).isEqualTo(503);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(new JsonObject(ready.body()).getJsonObject("checks").getMap())
                .containsEntry("ami", "DOWN").containsEntry("database", "UP").containsEntry("fastagi", "UP");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + voice.app().httpPort() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    private void assertBad(String body, String field, String saying) {
        HttpResponse<String> r = post(body, Optional.of(TOKEN));
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        JsonObject j = new JsonObject(r.body());
        assertThat(j.getString("field")).as(body).isEqualTo(field);
        assertThat(j.getString("message")).as(body).contains(saying);
    }

    private HttpResponse<String> post(String body, Optional<String> token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + voice.app().httpPort()
                + "/api/admin/click-to-call")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("POST click-to-call failed", e);
        }
    }
}
