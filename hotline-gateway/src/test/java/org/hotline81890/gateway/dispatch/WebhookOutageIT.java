package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.OfferId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill (issue 16): a partner's webhook endpoint down for "10 minutes" on a scaled clock. The outbox runs the
 * shipped retry policy (config/hotline.yaml: 12 attempts, backoff 1 s doubling to a 10 min cap) at 1/600 of its
 * time (2 ms doubling to 1 s), and the endpoint answers 503 for 1 s (10 min scaled) once the first offers reached
 * it. Every offer made meanwhile must reach the partner after it recovers, exactly once per idempotency key, and no
 * outbox row may be given up as FAILED.
 */
class WebhookOutageIT {
    private static final String TOKEN = "it-token-outage-0123456";
    private static final String PROVIDER = "P-OUT";
    private static final Duration OUTAGE = Duration.ofSeconds(1);
    private static final int ORDERS = 6;
    @TempDir
    Path dataDir;

    @Test
    void everyOfferMadeWhileThePartnerIsDownShouldBeDeliveredOnceAfterItRecovers() throws SQLException {
        AtomicBoolean down = new AtomicBoolean(true);
        String secret = "secret-" + PROVIDER + "-0123456789";
        PartnerModule[] partners = new PartnerModule[1];
        try (TestDatabase db = TestDatabase.create();
             FakePartners fake = new FakePartners(Map.of(PROVIDER, secret), (key, attempt) -> down.get())) {
            Map<String, String> env = TestEnv.base(db, dataDir, TOKEN);
            env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "1h",
                    "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms", "HOTLINE_OUTBOX_POLL_INTERVAL", "20ms",
                    "HOTLINE_OUTBOX_MAX_ATTEMPTS", "12", "HOTLINE_OUTBOX_BACKOFF_INITIAL", "2ms",
                    "HOTLINE_OUTBOX_BACKOFF_MAX", "1s"));
            List<Function<Core, HotlineModule>> modules = List.of(core -> partners[0] = new PartnerModule(core));
            HotlineApp app = HotlineApp.start(HotlineConfig.load(null, env), System.out, modules);
            try {
                // room for every order: offers not yet answered count against capacity within the load cache's ttl,
                // so with a capacity below ORDERS the last order could escalate instead of reaching the webhook
                partners[0].saveProviders(List.of(TestProviders.housekeeping(PROVIDER, ORDERS + 4,
                        TestProviders.webhook(fake.urlOf(PROVIDER), secret), Optional.of(PhoneNumber.of(
                                "19905741099")))));
                partners[0].registerKey(ProviderId.of(PROVIDER), ApiKeys.random());
                List<WorkOrder> orders = new ArrayList<>();
                for (int i = 0; i < ORDERS; i++) {
                    orders.add(intake(app, "it:outage:" + i, i));
                }
                Eventually.waitFor("every offer's webhook tried while the partner is down", Duration.ofSeconds(60),
                        () -> fake.received().stream().map(FakePartners.Received::idempotencyKey).distinct().count()
                                >= ORDERS);
                long downSince = System.nanoTime();
                Eventually.waitFor("the outage to last", Duration.ofSeconds(30),
                        () -> System.nanoTime() - downSince > OUTAGE.toNanos());
                int refused = fake.received().size();
                down.set(false);
                Eventually.waitFor("every offer delivered after the partner recovered", Duration.ofSeconds(60),
                        () -> offersDelivered(fake, partners[0], orders).size() == ORDERS);
                // a little longer: a late retry of a delivered row would show up as a second 200 for its key
                long settled = System.nanoTime();
                Eventually.waitFor("retries to settle", Duration.ofSeconds(30),
                        () -> System.nanoTime() - settled > OUTAGE.toNanos() * 2);
                Map<String, Long> okPerKey = fake.delivered().stream().filter(r -> "offer.offered".equals(r.event()))
                        .collect(Collectors.groupingBy(FakePartners.Received::idempotencyKey, Collectors.counting()));
                assertThat(okPerKey).hasSize(ORDERS).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
                assertThat(offersDelivered(fake, partners[0], orders)).hasSize(ORDERS);
                assertThat(fake.received()).allMatch(FakePartners.Received::signatureValid);
                assertThat(failedRows(db)).as("outbox rows given up").isZero();
                System.out.printf("webhook outage drill: %d offers, %d refused attempts during the outage, each "
                        + "delivered once after it%n", ORDERS, refused);
            } finally {
                app.close();
            }
        }
    }

    private static int failedRows(TestDatabase db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox WHERE state='FAILED'")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static WorkOrder intake(HotlineApp app, String key, int i) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街" + i + "号"));
        IntakeRequest request = new IntakeRequest(key, Channel.WEB, "1380000210" + i, "想找个钟点工打扫卫生 " + i,
                Optional.empty(), Optional.of("HK-01"), Optional.empty(), area, "it", x -> List.of());
        IntakeResult result = app.core().intake().receive(request);
        app.wakeRelay();
        return ((IntakeResult.Accepted) result).workOrder();
    }

    /** The work orders whose offer webhook was answered 200. */
    private static Set<String> offersDelivered(FakePartners fake, PartnerModule partners, List<WorkOrder> orders) {
        Set<String> ids = orders.stream().map(w -> Long.toString(w.id().value())).collect(Collectors.toSet());
        return fake.delivered().stream().filter(r -> "offer.offered".equals(r.event()))
                .map(r -> partners.offers().find(new OfferId(new JsonObject(r.body()).getString("offerId"))))
                .flatMap(Optional::stream).map(o -> o.job().workOrder().value()).filter(ids::contains)
                .collect(Collectors.toSet());
    }
}
