package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders and cancellations on real MariaDB through the whole application and signed webhooks: an unanswered
 * offer is reminded at half its answer time (accept-timeout 4s, reminder-at 50) and then expires; the next offer
 * is withdrawn when a supervisor escalates the order (督办), its provider gets a signed offer.cancelled webhook
 * and a late accept is refused with 409 offer_cancelled.
 */
class OfferNoticesIT {
    private static final String TOKEN = "it-token-notices-0123";
    private static final List<String> IDS = List.of("N-A", "N-B");
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static PartnerModule partners;
    private static FakePartners fake;
    private static final Map<String, String> KEYS = new HashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        fake = new FakePartners(FakePartners.secretsFor(IDS), (key, attempt) -> false);
        Map<String, String> env = TestEnv.base(db, dataDir, TOKEN);
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "4s",
                "HOTLINE_PARTNERS_REMINDER_AT", "50", "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms",
                "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms", "HOTLINE_SCHEDULER_POLL_INTERVAL", "50ms"));
        List<Function<Core, HotlineModule>> modules = List.of(core -> partners = new PartnerModule(core));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, modules);
        KEYS.putAll(TestProviders.onboard(partners, fake, IDS, 5, i -> Optional.empty()));
    }

    @AfterAll
    static void stop() {
        app.close();
        fake.close();
        db.close();
    }

    @Test
    void anUnansweredOfferShouldBeRemindedAndAWithdrawnOneCancelledWithSignedWebhooks() throws Exception {
        WorkOrder w = intake("it:notices:1");
        FakePartners.Received first = waitFor(w, "offer.offered", 1);
        String offer1 = offerId(first);
        FakePartners.Received reminder = waitFor(w, "offer.reminder", 1);
        assertThat(reminder.provider()).isEqualTo(first.provider());
        assertThat(offerId(reminder)).isEqualTo(offer1);
        assertThat(reminder.idempotencyKey()).isEqualTo(offer1 + ":offer.reminder:1");
        assertThat(reminder.body()).doesNotContain("柳汀街").doesNotContain("13800002222");
        JsonObject reminded = new JsonObject(reminder.body());
        JsonObject offered = new JsonObject(first.body());
        assertThat(Instant.parse(reminded.getString("acceptBy")))
                .isEqualTo(Instant.parse(offered.getString("acceptBy")).truncatedTo(ChronoUnit.MILLIS));

        // the first offer expires; the second provider gets an offer and the supervisor takes the order over.
        FakePartners.Received second = waitFor(w, "offer.offered", 2);
        String offer2 = offerId(second);
        assertThat(second.provider()).isNotEqualTo(first.provider());
        app.core().tracker().move(w.id(), WorkOrderState.ESCALATED, "supervisor", Channel.AGENT,
                "escalated (督办): the resident called the mayor", x -> List.of());
        app.wakeRelay();
        FakePartners.Received cancelled = waitFor(w, "offer.cancelled", 1);
        assertThat(cancelled.provider()).isEqualTo(second.provider());
        assertThat(cancelled.idempotencyKey()).isEqualTo(offer2 + ":offer.cancelled");
        assertThat(new JsonObject(cancelled.body()).getString("state")).isEqualTo("CANCELLED");
        assertThat(partners.offers().find(new OfferId(offer2)).orElseThrow().state()).isEqualTo(OfferState.CANCELLED);
        assertThat(partners.offers().find(new OfferId(offer1)).orElseThrow().state()).isEqualTo(OfferState.EXPIRED);
        HttpResponse<String> late = post(second.provider(), offer2, "accept");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(new JsonObject(late.body()).getString("error")).isEqualTo("offer_cancelled");

        // the second offer's reminder time passes: a withdrawn offer is not reminded; the order stays escalated.
        Instant remindAt = partners.offers().find(new OfferId(offer2)).orElseThrow().offeredAt().plusSeconds(3);
        Eventually.waitFor("past the second offer's reminder time", WAIT, () -> Instant.now().isAfter(remindAt));
        app.wakeRelay();
        assertThat(app.core().store().find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(fake.received()).allMatch(FakePartners.Received::signatureValid);
        Map<String, Long> perKey = ofOrder(w).stream()
                .collect(Collectors.groupingBy(FakePartners.Received::idempotencyKey, Collectors.counting()));
        assertThat(perKey).containsOnlyKeys(offer1 + ":offer.offered", offer1 + ":offer.reminder:1",
                offer2 + ":offer.offered", offer2 + ":offer.cancelled").allSatisfy((k, n) -> assertThat(n).isOne());
    }

    @Test
    void anEscalationWrittenWithoutTheTrackerShouldWithdrawTheOfferAtItsAcceptDeadline() {
        WorkOrder w = intake("it:notices:2");
        FakePartners.Received offered = waitFor(w, "offer.offered", 1);
        String offer = offerId(offered);
        // escalated straight through the store: no event and no withdraw-offers row (the tracker writes one)
        app.core().store().update(w.id(), current -> Optional.of(new WorkOrderStore.Change(
                current.withState(WorkOrderState.ESCALATED, Instant.now()), new EventDraft("supervisor",
                Channel.AGENT, WorkOrderState.ESCALATED, "escalated (督办): by hand"), List.of())));
        FakePartners.Received cancelled = waitFor(w, "offer.cancelled", 1);
        assertThat(cancelled.idempotencyKey()).isEqualTo(offer + ":offer.cancelled");
        assertThat(partners.offers().find(new OfferId(offer)).orElseThrow().state()).isEqualTo(OfferState.CANCELLED);
        assertThat(partners.offers().forWorkOrder(JobFacts.ref(w))).as("not offered to the next provider")
                .hasSize(1);
        assertThat(app.core().store().find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.ESCALATED);
    }

    private static WorkOrder intake(String key) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街1号"));
        IntakeRequest request = new IntakeRequest(key, Channel.WEB, "13800002222", "想找个钟点工打扫卫生",
                Optional.empty(), Optional.of("HK-01"), Optional.empty(), area, "it", x -> List.of());
        IntakeResult result = app.core().intake().receive(request);
        app.wakeRelay();
        return ((IntakeResult.Accepted) result).workOrder();
    }

    private static FakePartners.Received waitFor(WorkOrder w, String event, int n) {
        Eventually.waitFor(n + " " + event + " delivered", WAIT,
                () -> ofOrder(w).stream().filter(r -> event.equals(r.event())).count() >= n);
        return ofOrder(w).stream().filter(r -> event.equals(r.event())).toList().get(n - 1);
    }

    private static List<FakePartners.Received> ofOrder(WorkOrder w) {
        return fake.delivered().stream().filter(r -> partners.offers().find(new OfferId(offerId(r)))
                .filter(o -> o.job().workOrder().value().equals(Long.toString(w.id().value()))).isPresent())
                .toList();
    }

    private static String offerId(FakePartners.Received r) {
        return new JsonObject(r.body()).getString("offerId");
    }

    private static HttpResponse<String> post(String provider, String offer, String action) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort()
                        + "/api/partner/offers/" + offer + "/" + action))
                .header("Authorization", "Bearer " + KEYS.get(provider))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
