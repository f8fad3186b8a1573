package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.wiring.Core;
import org.hotline81890.gateway.wiring.HotlineModule;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.PhoneNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner API's edge under bad input (issue 16): bodies it cannot use get 415/413/400 naming the field, never a
 * 500, and the offer is still there to be answered properly afterwards; supervisors' figures count what they miss.
 */
class PartnerEdgeIT {
    private static final String TOKEN = "it-token-edge-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static PartnerModule partners;
    private static FakePartners fake;
    private static String key;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        fake = new FakePartners(FakePartners.secretsFor(List.of("P-E")), (k, attempt) -> false);
        Map<String, String> env = TestEnv.base(db, dataDir, TOKEN);
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms",
                "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms", "HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms"));
        List<Function<Core, HotlineModule>> modules = List.of(
                core -> partners = new PartnerModule(core));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, modules);
        key = TestProviders.onboard(partners, fake, List.of("P-E"), 50, i -> Optional.of(PhoneNumber.of("19905741009")))
                .get("P-E");
    }

    @AfterAll
    static void stop() {
        app.close();
        fake.close();
        db.close();
    }

    @Test
    void aFormBodyOrJsonWithoutItsTypeShouldGet415AndNeverA500() throws Exception {
        String offer = offerFor(intake("edge:415", "HK-01"));
        String form = "note=" + "x".repeat(70_000);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer + "/accept"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(form))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(415);
        String json = "{\"note\":\"" + "好".repeat(400) + "\"}";
        HttpResponse<String> untyped = send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer + "/complete"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(415);
        HttpResponse<String> big = post(offer, "decline", "{\"reason\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(post(offer, "accept", "").statusCode()).isEqualTo(200);
    }

    @Test
    void textFieldsShouldBeLimitedTypedAndNamedAndTheOfferStillAnswerable() throws Exception {
        String offer = offerFor(intake("edge:text", "HK-01"));
        assertThat(field(post(offer, "decline", "{\"reason\":\"" + "拒".repeat(501) + "\"}"))).isEqualTo("reason");
        assertThat(field(post(offer, "decline", "{\"reason\":{\"a\":1}}"))).isEqualTo("reason");
        assertThat(post(offer, "accept", "").statusCode()).isEqualTo(200);
        assertThat(field(post(offer, "complete", "{\"note\":\"" + "好".repeat(2001) + "\"}"))).isEqualTo("note");
        assertThat(field(post(offer, "complete", "{\"note\":[\"done\"]}"))).isEqualTo("note");
        assertThat(field(post(offer, "extension", "{\"hours\":1e308}"))).isEqualTo("hours");
        assertThat(field(post(offer, "extension", "{\"hours\":99999999999999999999999}"))).isEqualTo("hours");
        assertThat(field(post(offer, "extension", "{\"hours\":\"24\"}"))).isEqualTo("hours");
        assertThat(field(post(offer, "complete", "{\"note\":\"\\ud800\"}"))).isEqualTo("note");
        HttpResponse<String> done = post(offer, "complete", "{\"note\":\"" + "好".repeat(1999) + "\\u0000!\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(partners.offers().find(new org.hotline81890.partners.offer.OfferId(offer)).orElseThrow().note())
                .hasValue("好".repeat(1999) + "!");
    }

    @Test
    void identifiersInTheResidentsWordsShouldReachTheProviderMasked() throws Exception {
        WorkOrder w = intake("edge:mask", "HK-01", "请打我电话13912345678，身份证330203199001011234，车牌浙B12345");
        String offer = offerFor(w);
        assertThat(post(offer, "accept", "").statusCode()).isEqualTo(200);
        HttpResponse<String> view = send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer))
                .header("Authorization", "Bearer " + key).GET());
        String description = new JsonObject(view.body()).getString("description");
        assertThat(description).isEqualTo("请打我电话139****5678，身份证330***********1234，车牌浙B***45");
        assertThat(view.body()).doesNotContain("13912345678").doesNotContain("330203199001011234");
    }

    @Test
    void healthShouldSayWhatADisabledChannelHasParked() throws Exception {
        offerFor(intake("edge:parked", "HK-01"));
        // the provider takes offers by SMS too, and SMS is disabled here: those rows wait, they do not fail
        Eventually.waitFor("an SMS row parked", WAIT, () -> app.core().outbox().parked().containsKey("sms"));
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getJsonObject("parked").getInteger("sms")).isPositive();
    }

    @Test
    void theBearerSchemeShouldBeCaseInsensitive() throws Exception {
        String offer = offerFor(intake("edge:bearer", "HK-01"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer))
                .header("Authorization", "bearer " + key).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aCallToTheResidentWithoutAmiShouldSayItCannotBeDoneNotAskForARetry() throws Exception {
        String offer = offerFor(intake("edge:call", "HK-01"));
        HttpResponse<String> r = post(offer, "call-resident", "{}");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.headers().firstValue("Retry-After")).isEmpty();
        assertThat(new JsonObject(r.body()).getString("message")).contains("ami.enabled");
    }

    @Test
    void anUnknownProvidersScorecardShouldBe404() throws Exception {
        assertThat(admin("/api/admin/providers/P-NOBODY/scorecard").statusCode()).isEqualTo(404);
        assertThat(admin("/api/admin/providers/P-E/scorecard").statusCode()).isEqualTo(200);
    }

    @Test
    void kpisShouldCountOrdersEscalatedWithoutAnOffer() throws Exception {
        WorkOrder w = intake("edge:unoffered", "HK-02");
        Eventually.waitFor("escalated for want of a provider", WAIT,
                () -> app.core().store().find(w.id()).orElseThrow().state() == WorkOrderState.ESCALATED);
        JsonObject kpis = new JsonObject(admin("/api/admin/kpis?days=1").body());
        assertThat(kpis.getInteger("escalatedWithoutOffer")).isGreaterThanOrEqualTo(1);
        JsonObject hk = kpis.getJsonArray("byCategory").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("group").equals("HK")).findFirst().orElseThrow();
        assertThat(hk.getInteger("escalatedWithoutOffer")).isGreaterThanOrEqualTo(1);
        assertThat(hk.getJsonObject("response").getInteger("outOf"))
                .isGreaterThanOrEqualTo(hk.getJsonObject("response").getInteger("count") + 1);
    }

    private static WorkOrder intake(String idem, String service) {
        return intake(idem, service, "想找个阿姨");
    }

    private static WorkOrder intake(String idem, String service, String text) {
        Area area = new Area(Optional.of("海曙区"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("柳汀街1号"));
        IntakeRequest request = new IntakeRequest(idem, Channel.WEB, "13800004444", text,
                Optional.empty(), Optional.of(service), Optional.empty(), area, "it", x -> List.of());
        IntakeResult result = app.core().intake().receive(request);
        app.wakeRelay();
        return ((IntakeResult.Accepted) result).workOrder();
    }

    private static String offerFor(WorkOrder w) {
        Eventually.waitFor("offered", WAIT, () -> !partners.offers().forWorkOrder(
                new org.hotline81890.partners.offer.WorkOrderRef(Long.toString(w.id().value()))).isEmpty());
        return partners.offers().forWorkOrder(new org.hotline81890.partners.offer.WorkOrderRef(
                Long.toString(w.id().value()))).getFirst().id().value();
    }

    private static HttpResponse<String> post(String offer, String action, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer + "/" + action))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET());
    }

    private static String field(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return new JsonObject(r.body()).getString("field");
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }
}
