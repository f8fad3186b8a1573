package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many dispatches of the same work orders at once (the relay's own and several callers', as several gateway nodes
 * would run them) make exactly one offer and one OFFERED move per work order: the work order's row lock, taken at
 * the start of the one dispatch transaction, is the arbiter.
 */
class ConcurrentDispatchIT {
    private static final int ORDERS = 12;
    private static final int RACERS = 6;
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static PartnerModule partners;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> env = TestEnv.base(db, dataDir, "it-token-dispatch-0123");
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_OUTBOX_POLL_INTERVAL", "20ms",
                "HOTLINE_DB_POOL_SIZE", "16"));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, List.of(
                core -> partners = new PartnerModule(core)));
        partners.saveProviders(TestProviders.unreachableHousekeepers(5));
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    @Test
    void racingDispatchesShouldMakeOneOfferPerWorkOrder() throws Exception {
        List<WorkOrder> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(intake("it:race:" + i));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> racing = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (WorkOrder w : orders) {
                for (int r = 0; r < RACERS; r++) {
                    racing.add(threads.submit(() -> {
                        go.await();
                        partners.flow().dispatch(w.id());
                        return null;
                    }));
                }
            }
            app.wakeRelay();
            go.countDown();
            for (Future<?> f : racing) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        for (WorkOrder w : orders) {
            assertThat(partners.offers().forWorkOrder(new WorkOrderRef(Long.toString(w.id().value()))))
                    .as("offers of %s", w.id()).hasSize(1);
            assertThat(app.core().store().history(w.id())).as("history of %s", w.id())
                    .filteredOn(e -> e.to() == WorkOrderState.OFFERED).hasSize(1);
            assertThat(app.core().store().find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.OFFERED);
        }
    }

    private static WorkOrder intake(String key) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街1号"));
        IntakeRequest request = new IntakeRequest(key, Channel.WEB, "13800002222", "想找个钟点工打扫卫生",
                Optional.empty(), Optional.of("HK-01"), Optional.empty(), area, "it", x -> List.of());
        return ((IntakeResult.Accepted) app.core().intake().receive(request)).workOrder();
    }
}
