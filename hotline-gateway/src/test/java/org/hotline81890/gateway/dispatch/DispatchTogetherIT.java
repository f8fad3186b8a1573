package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.ext.web.Router;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.DeliveryOutcome;
import org.hotline81890.gateway.delivery.DispatchDelivery;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.schedule.DeadlineHandler;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.wiring.HotlineModule;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dispatch rows decided together (ADR 0045) on MariaDB: a group offers each of its orders once, as the rows one by
 * one would, and a group with a row that cannot be decided is decided again row by row, so the others still get
 * their offers and only that row is retried; a provider's accept does not wait while dispatch groups hold every
 * decision holder (ADR 0048). The relay here has no dispatch delivery (its rows are parked), so the
 * test alone decides them.
 */
class DispatchTogetherIT {
    @TempDir
    static Path dataDir;
    private static TestDatabase db;
    private static HotlineApp app;
    private static PartnerModule partners;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> env = TestEnv.base(db, dataDir, "it-token-together-0123");
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_DB_POOL_SIZE", "16"));
        app = HotlineApp.start(HotlineConfig.load(null, env), System.out, List.of(core -> withoutDispatch(
                partners = new PartnerModule(core))));
        partners.saveProviders(TestProviders.unreachableHousekeepers(5));
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    @Test
    void aGroupShouldOfferEachOfItsOrdersOnce() {
        List<WorkOrder> orders = intakes("it:together:", 6);
        DispatchDelivery together = new DispatchDelivery(partners.flow(), 4, 8);

        List<DeliveryOutcome> outcomes = together.deliverAll(rows(orders.stream().map(WorkOrder::id).toList()));

        assertThat(outcomes).hasSize(6).allSatisfy(o -> assertThat(o).isInstanceOf(DeliveryOutcome.Confirmed.class));
        orders.forEach(DispatchTogetherIT::offeredOnce);
        assertThat(together.deliverAll(rows(orders.stream().map(WorkOrder::id).toList())))
                .as("the same rows again (a redelivery after a lost done mark): nothing more happens")
                .allSatisfy(o -> assertThat(o).isInstanceOf(DeliveryOutcome.Confirmed.class));
        orders.forEach(DispatchTogetherIT::offeredOnce);
    }

    @Test
    void aGroupWithARowThatCannotBeDecidedShouldBeDecidedRowByRow() {
        List<WorkOrder> orders = intakes("it:together-bad:", 3);
        List<WorkOrderId> ids = new ArrayList<>(orders.stream().map(WorkOrder::id).toList());
        ids.add(1, new WorkOrderId(987_654_321L)); // no such order: its decision throws

        List<DeliveryOutcome> outcomes = new DispatchDelivery(partners.flow(), 4, 8).deliverAll(rows(ids));

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(1)).as("the row without an order").isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(List.of(outcomes.get(0), outcomes.get(2), outcomes.get(3)))
                .allSatisfy(o -> assertThat(o).isInstanceOf(DeliveryOutcome.Confirmed.class));
        orders.forEach(DispatchTogetherIT::offeredOnce);
    }

    @Test
    void anAcceptShouldNotWaitForTheHoldersThatDispatchGroupsHold() throws Exception {
        WorkOrder w = intakes("it:together-answer:", 1).get(0);
        new DispatchDelivery(partners.flow(), 4, 8).deliverAll(rows(List.of(w.id())));
        Offer offer = partners.offers().forWorkOrder(new WorkOrderRef(Long.toString(w.id().value()))).get(0);
        int groups = 12; // more than the decision holders (half of the pool of 16): some wait for a holder too
        CountDownLatch held = new CountDownLatch(8);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < groups; i++) {
                threads.execute(() -> partners.flow().decideTogether(() -> {
                    held.countDown();
                    awaitQuietly(release);
                }));
            }
            try {
                assertThat(held.await(10, TimeUnit.SECONDS)).as("dispatch groups hold every decision holder").isTrue();
                Future<ActionResult> accepted = threads.submit(() -> partners.flow().accept(offer.provider(),
                        offer.id(), Channel.PARTNER));

                assertThat(accepted.get(10, TimeUnit.SECONDS)).as("the accept, on holders of its own (ADR 0048)")
                        .isInstanceOf(ActionResult.Applied.class);
            } finally {
                release.countDown();
            }
        }
        assertThat(app.core().store().find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.ACCEPTED);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void offeredOnce(WorkOrder w) {
        assertThat(partners.offers().forWorkOrder(new WorkOrderRef(Long.toString(w.id().value()))))
                .as("offers of %s", w.id()).hasSize(1);
        assertThat(app.core().store().history(w.id())).as("history of %s", w.id())
                .filteredOn(e -> e.to() == WorkOrderState.OFFERED).hasSize(1);
    }

    private static List<OutboxEntry> rows(List<WorkOrderId> ids) {
        List<OutboxEntry> rows = new ArrayList<>();
        for (WorkOrderId id : ids) {
            WorkOrder w = app.core().store().find(id).orElse(null);
            String payload = w == null ? Long.toString(id.value()) : Dispatch.request(w).get(0).payload();
            rows.add(new OutboxEntry(rows.size() + 1, new org.hotline81890.gateway.workorder.OutboxMessage(
                    Dispatch.KIND, "partner-network", payload, "it:" + id.value()), Optional.of(id), 1,
                    Instant.now()));
        }
        return rows;
    }

    private static List<WorkOrder> intakes(String prefix, int n) {
        Area area = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"), Optional.empty(),
                Optional.of("柳汀街1号"));
        List<WorkOrder> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IntakeRequest request = new IntakeRequest(prefix + i, Channel.WEB, "13800002222", "想找个钟点工打扫卫生",
                    Optional.empty(), Optional.of("HK-01"), Optional.empty(), area, "it", x -> List.of());
            orders.add(((IntakeResult.Accepted) app.core().intake().receive(request)).workOrder());
        }
        return orders;
    }

    /** The partner module as it is, but the relay gets no delivery for dispatch rows: they wait for the test. */
    private static HotlineModule withoutDispatch(PartnerModule module) {
        return new HotlineModule() {
            @Override
            public Map<String, OutboxDelivery> deliveries() {
                Map<String, OutboxDelivery> all = new HashMap<>(module.deliveries());
                all.remove(Dispatch.KIND);
                return all;
            }

            @Override
            public Map<String, DeadlineHandler> deadlineHandlers() {
                return module.deadlineHandlers();
            }

            @Override
            public List<Consumer<Router>> routes() {
                return module.routes();
            }

            @Override
            public void start() {
                module.start();
            }

            @Override
            public void close() {
                module.close();
            }
        };
    }
}
