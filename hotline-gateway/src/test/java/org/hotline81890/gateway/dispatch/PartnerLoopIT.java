package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.OfferId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closed loop on real MariaDB, the whole application and a fake partner HTTP server that fails a webhook once,
 * lets one offer time out and declines another: offered → declined → offered to the next → (timed out) → offered →
 * accepted → completed → surveyed → reopened → re-dispatched to a different provider → closed.
 */
class PartnerLoopIT {
    private static final String TOKEN = "it-token-partners-0123";
    private static final String RESIDENT = "13800001111";
    private static final List<String> IDS = List.of("P-A", "P-B", "P-C", "P-D");
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static PartnerModule partners;
    private static FakePartners fake;
    private static final Map<String, String> KEYS = new HashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Set by a test: the next webhook with a new idempotency key fails its first attempt with 500. */
    private static final boolean[] FAIL_NEXT_NEW_KEY = new boolean[1];

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        fake = new FakePartners(FakePartners.secretsFor(IDS), (key, attempt) -> {
            synchronized (FAIL_NEXT_NEW_KEY) {
                if (attempt == 1 && FAIL_NEXT_NEW_KEY[0]) {
                    FAIL_NEXT_NEW_KEY[0] = false;
                    return true;
                }
                return false;
            }
        });
        Map<String, String> env = TestEnv.base(db, dataDir, TOKEN);
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "3s",
                "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms", "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms",
                "HOTLINE_OUTBOX_BACKOFF_INITIAL", "100ms", "HOTLINE_OUTBOX_BACKOFF_MAX", "500ms",
                "HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms"));
        List<Function<Core, HotlineModule>> modules = List.of(
                core -> partners = new PartnerModule(core));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, modules);
        KEYS.putAll(TestProviders.onboard(partners, fake, IDS, 5, i -> Optional.of(PhoneNumber.of("1990574100" + i))));
    }

    @AfterAll
    static void stop() {
        app.close();
        fake.close();
        db.close();
    }

    @Test
    void aWorkOrderShouldGoRoundTheWholeLoopWithEveryWebhookDeliveredOnce() throws Exception {
        synchronized (FAIL_NEXT_NEW_KEY) {
            FAIL_NEXT_NEW_KEY[0] = true;
        }
        WorkOrder w = intake("it:loop:1");
        // 1st provider: its webhook fails once and is retried; it declines.
        FakePartners.Received first = waitForDelivered(w, 1);
        assertThat(fake.received()).filteredOn(r -> r.idempotencyKey().equals(first.idempotencyKey()))
                .extracting(FakePartners.Received::status).containsExactly(500, 200);
        assertThat(first.body()).doesNotContain("柳汀街").doesNotContain(RESIDENT).contains("海曙区/南门街道/柳西社区");
        String offer1 = new JsonObject(first.body()).getString("offerId");
        assertThat(view(first.provider(), offer1).getMap()).doesNotContainKeys("address", "phone");
        assertThat(post(first.provider(), offer1, "decline", "{\"reason\":\"人手不够\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(first.provider(), offer1, "decline", "{\"reason\":\"人手不够\"}");
        assertThat(new JsonObject(again.body()).getString("result")).isEqualTo("repeated");
        assertThat(error(post(first.provider(), offer1, "accept", ""), 409)).isEqualTo("illegal_state");

        // 2nd provider: never answers; the accept deadline passes and it is too late.
        FakePartners.Received second = waitForDelivered(w, 2);
        String offer2 = new JsonObject(second.body()).getString("offerId");
        FakePartners.Received third = waitForDelivered(w, 3);
        HttpResponse<String> late = post(second.provider(), offer2, "accept", "");
        assertThat(error(late, 409)).isEqualTo("offer_expired");
        assertThat(new JsonObject(late.body()).getString("message")).startsWith("offer expired at");

        // 3rd provider accepts, starts and completes; another provider cannot touch its offer.
        String offer3 = new JsonObject(third.body()).getString("offerId");
        assertThat(error(post(first.provider(), offer3, "accept", ""), 403)).isEqualTo("not_your_offer");
        assertThat(post(third.provider(), offer3, "accept", "").statusCode()).isEqualTo(200);
        assertThat(new JsonObject(post(third.provider(), offer3, "accept", "").body()).getString("result"))
                .isEqualTo("repeated");
        JsonObject full = view(third.provider(), offer3);
        assertThat(full.getString("address")).isEqualTo("柳汀街1号");
        assertThat(full.getString("phone")).isEqualTo("138****1111");
        assertThat(post(third.provider(), offer3, "start", "").statusCode()).isEqualTo(200);
        assertThat(post(third.provider(), offer3, "complete", "{\"note\":\"已修好\"}").statusCode()).isEqualTo(200);
        assertThat(state(w)).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(app.core().outbox().status("resident-survey:" + offer3)).isPresent();

        // Unsatisfied: reopened and re-dispatched to a provider that has not had it.
        app.core().survey().answer(Optional.of(w.ticket()), RESIDENT, SurveyAnswer.UNSATISFIED, Channel.SMS);
        app.wakeRelay();
        FakePartners.Received fourth = waitForDelivered(w, 4);
        assertThat(List.of(first.provider(), second.provider(), third.provider(), fourth.provider()))
                .doesNotHaveDuplicates();
        String offer4 = new JsonObject(fourth.body()).getString("offerId");
        assertThat(post(fourth.provider(), offer4, "accept", "").statusCode()).isEqualTo(200);
        assertThat(post(fourth.provider(), offer4, "complete", "{\"note\":\"返工完成\"}").statusCode()).isEqualTo(200);
        app.core().survey().answer(Optional.of(w.ticket()), RESIDENT, SurveyAnswer.SATISFIED, Channel.SMS);

        assertThat(app.core().store().history(w.id())).extracting(WorkOrderEvent::to).containsExactly(
                WorkOrderState.RECEIVED, WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.OFFERED,
                WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.ACCEPTED /* 出发 (start) */,
                WorkOrderState.COMPLETED, WorkOrderState.SURVEYED, WorkOrderState.REOPENED, WorkOrderState.OFFERED,
                WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED, WorkOrderState.SURVEYED, WorkOrderState.CLOSED);
        assertThat(fake.received()).allMatch(FakePartners.Received::signatureValid);
        Map<String, Long> okPerKey = delivered(w).stream()
                .collect(Collectors.groupingBy(FakePartners.Received::idempotencyKey, Collectors.counting()));
        assertThat(okPerKey).hasSize(4).allSatisfy((key, n) -> assertThat(n).isEqualTo(1L));
        assertSupervisorFigures(third.provider());
        // satisfied raises the fourth provider's: (5 × 4 + 5) / 6 = 4.17; the two that never completed keep 4.0
        Eventually.waitFor("the satisfied answer reaches the rating", WAIT, () -> rating(fourth.provider()) == 4.17);
        assertThat(rating(first.provider())).isEqualTo(4.0);
        assertThat(rating(second.provider())).isEqualTo(4.0);
    }

    private static void assertSupervisorFigures(String unsatisfying) throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/admin/kpis"))).statusCode()).isEqualTo(401);
        HttpResponse<String> kpis = send(HttpRequest.newBuilder(uri("/api/admin/kpis"))
                .header("Authorization", "Bearer " + TOKEN));
        assertThat(kpis.statusCode()).isEqualTo(200);
        JsonObject hk = new JsonObject(kpis.body()).getJsonArray("byCategory").getJsonObject(0);
        assertThat(hk.getString("group")).isEqualTo("HK");
        assertThat(hk.getInteger("offers")).isGreaterThanOrEqualTo(4);
        assertThat(hk.getJsonObject("satisfaction").getInteger("count")).isEqualTo(1);
        assertThat(hk.getJsonObject("satisfaction").getInteger("outOf")).isEqualTo(2);
        HttpResponse<String> card = send(HttpRequest.newBuilder(uri("/api/admin/providers/" + unsatisfying
                + "/scorecard")).header("Authorization", "Bearer " + TOKEN));
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(card.body()).getInteger("unsatisfied")).as(card.body() + " / " + kpis.body())
                .isEqualTo(1);
        assertThat(new JsonObject(card.body()).getJsonObject("completion").getInteger("count")).isEqualTo(1);
        // the complaint lowers its rating (prior 4.0 weighing 5 answers, one score of 1): (5 × 4 + 1) / 6 = 3.5
        Eventually.waitFor("the complaint reaches the rating", WAIT, () -> rating(unsatisfying) == 3.5);
        HttpResponse<String> rated = send(HttpRequest.newBuilder(uri("/api/admin/providers/" + unsatisfying
                + "/scorecard")).header("Authorization", "Bearer " + TOKEN));
        assertThat(new JsonObject(rated.body()).getDouble("rating")).isEqualTo(3.5);
        assertThat(new JsonObject(rated.body()).getDouble("ratingPrior")).isEqualTo(4.0);
    }

    private static double rating(String provider) {
        return partners.provider(ProviderId.of(provider)).orElseThrow().rating().stars();
    }

    @Test
    void smsCommandsFromProviderNumbersShouldRunTheSameUseCases() {
        WorkOrder w = intake("it:sms:1");
        FakePartners.Received offered = waitForDelivered(w, 1);
        int index = IDS.indexOf(offered.provider());
        String own = "1990574100" + index;
        String other = "1990574100" + ((index + 1) % IDS.size());
        JobCommands sms = partners.jobCommands();
        assertThat(sms.isProviderNumber(own)).isTrue();
        assertThat(sms.isProviderNumber("13900000000")).isFalse();
        assertThat(sms.accept(other, w.ticket())).isEqualTo(
                new JobCommands.Result.Refused("【81890】工单" + w.ticket().grouped() + "没有派给您。"));
        JobCommands.Result accepted = sms.accept(own, w.ticket());
        assertThat(accepted).isInstanceOf(JobCommands.Result.Done.class);
        assertThat(((JobCommands.Result.Done) accepted).replyZh()).contains("柳汀街1号").contains("138****1111");
        assertThat(state(w)).isEqualTo(WorkOrderState.ACCEPTED);
        assertThat(sms.complete(own, w.ticket(), "已完成")).isInstanceOf(JobCommands.Result.Done.class);
        assertThat(state(w)).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(sms.decline(own, w.ticket(), "太远")).isInstanceOf(JobCommands.Result.Refused.class);
    }

    @Test
    void theApiShouldRefuseUnknownKeysAndServeItsOpenApiDocument() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/partner/offers/123/accept"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/partner/offers/123/accept"))
                .header("Authorization", "Bearer pk_not-a-key").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(error(wrong, 401)).isEqualTo("unauthorized");
        assertThat(error(post("P-A", "999", "accept", ""), 404)).isEqualTo("offer_not_found");
        HttpResponse<String> doc = send(HttpRequest.newBuilder(uri("/api/partner/openapi.yaml")));
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("openapi: 3.0.3").contains("/offers/{offerId}/accept");
    }

    private static WorkOrder intake(String key) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街1号"));
        IntakeRequest request = new IntakeRequest(key, Channel.WEB, RESIDENT, "想找个钟点工打扫卫生",
                Optional.empty(), Optional.of("HK-01"), Optional.empty(), area, "it", x -> List.of());
        IntakeResult result = app.core().intake().receive(request);
        app.wakeRelay();
        return ((IntakeResult.Accepted) result).workOrder();
    }

    private static FakePartners.Received waitForDelivered(WorkOrder w, int n) {
        Eventually.waitFor(n + " webhooks delivered", WAIT, () -> delivered(w).size() >= n);
        return delivered(w).get(n - 1);
    }

    /** Offer webhooks delivered for this work order, in order of delivery (reminders: see OfferNoticesIT). */
    private static List<FakePartners.Received> delivered(WorkOrder w) {
        return fake.delivered().stream().filter(r -> "offer.offered".equals(r.event())).filter(r -> partners.offers()
                .find(new OfferId(new JsonObject(r.body()).getString("offerId")))
                .filter(o -> o.job().workOrder().value().equals(Long.toString(w.id().value()))).isPresent())
                .toList();
    }

    private static WorkOrderState state(WorkOrder w) {
        return app.core().store().find(w.id()).orElseThrow().state();
    }

    private static JsonObject view(String provider, String offer) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer))
                .header("Authorization", "Bearer " + KEYS.get(provider)));
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static HttpResponse<String> post(String provider, String offer, String action, String body)
            throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/partner/offers/" + offer + "/" + action))
                .header("Authorization", "Bearer " + KEYS.get(provider)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String error(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return new JsonObject(r.body()).getString("error");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
