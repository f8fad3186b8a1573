package org.hotline81890.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.gateway.schedule.ScaledClock;
import org.hotline81890.partners.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's partners check the hotline's webhook signatures as a partner would, with the replay window in real time:
 * at the drain's 3000x a webhook that spent a fraction of a real second in transit is many simulated minutes old.
 */
class WebhookPartnersTest {
    private static final SampleProviders.Provider PARTNER = new SampleProviders.Provider("P-DEMO-1",
            "PARTNER_COMPANY", "演示家政", "", "demo-webhook-secret");
    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-12-05T00:00:00Z"), 3000);
    private final Ledger ledger = new Ledger();
    private final SimSchedule schedule = new SimSchedule(clock);
    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookPartners partners;

    @AfterEach
    void close() {
        if (partners != null) {
            partners.close();
        }
        schedule.close();
        http.close();
    }

    @Test
    void aWebhookSignedASplitSecondAgoAtTheDrainsSpeedShouldBeTakenAndAReplayRefused() throws Exception {
        Map<String, SampleProviders.Provider> simulated = new ConcurrentHashMap<>(Map.of(PARTNER.id(), PARTNER));
        partners = new WebhookPartners(simulated, id -> "key", schedule, new Behaviour(1, 0), ledger, clock);
        // 0.4 s of real time in the relay's queue and on the wire: 20 simulated minutes at 3000x
        assertThat(post(clock.instant().minus(Duration.ofMinutes(20)))).isEqualTo(200);
        // a replay 5 real minutes and more later
        assertThat(post(clock.instant().minus(Duration.ofMinutes(5 * 3000 + 60)))).isEqualTo(401);
        assertThat(ledger.count("webhook.refused.Stale", 0)).isEqualTo(1);
    }

    private int post(Instant signedAt) throws Exception {
        String body = "{\"event\":\"offer.cancelled\",\"offerId\":\"o-1\"}";
        long ts = signedAt.getEpochSecond();
        HttpRequest req = HttpRequest.newBuilder(URI.create(partners.base() + PARTNER.id()))
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                .header(WebhookSigner.SIGNATURE_HEADER, new WebhookSigner(PARTNER.webhookSecret()).sign(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
