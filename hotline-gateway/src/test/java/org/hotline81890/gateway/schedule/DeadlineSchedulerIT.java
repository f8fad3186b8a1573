package org.hotline81890.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.storage.mysql.MySqlDeadlineStore;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.DeadlineKind;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Database deadlines on real MariaDB: they survive a restart of the scheduler and fire exactly once. */
class DeadlineSchedulerIT {
    private TestDatabase db;
    private MySqlDeadlineStore deadlines;

    @BeforeEach
    void open() {
        db = TestDatabase.create();
        deadlines = new MySqlDeadlineStore(db.database().transactions());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DeadlineScheduler scheduler(Map<String, DeadlineHandler> handlers) {
        return new DeadlineScheduler(deadlines, handlers, Duration.ofMillis(100), Duration.ofSeconds(2),
                Clock.systemUTC());
    }

    @Test
    void aDeadlineArmedBeforeARestartShouldFireOnceAfterIt() {
        AtomicInteger fired = new AtomicInteger();
        Map<String, DeadlineHandler> handlers = Map.of("offer", d -> fired.incrementAndGet());
        long id = deadlines.arm("offer", 42, "ACCEPT_BY", Instant.now().plusMillis(1500));
        try (DeadlineScheduler first = scheduler(handlers).start()) {
            assertThat(first).isNotNull(); // running, but stopped (restart) before the deadline is due
        }
        assertThat(fired).hasValue(0);
        DeadlineScheduler second = scheduler(handlers).start();
        try {
            Eventually.waitFor("deadline fired", Duration.ofSeconds(15), () -> fired.get() == 1);
            // More rounds (as many as the poll would run in seconds) must not fire it again.
            for (int i = 0; i < 20; i++) {
                second.round();
            }
            assertThat(fired).hasValue(1);
            assertThat(id).isPositive();
        } finally {
            second.close();
        }
    }

    @Test
    void aHandlerThatFailsShouldBeFiredAgainAfterTheLease() {
        AtomicInteger calls = new AtomicInteger();
        deadlines.arm("flaky", 1, "K", Instant.now());
        try (DeadlineScheduler s = scheduler(Map.of("flaky", d -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database blip");
            }
        })).start()) {
            Eventually.waitFor("fired twice", Duration.ofSeconds(15), () -> calls.get() == 2);
            Eventually.waitFor("marked fired", Duration.ofSeconds(5), () -> deadlines.nextDue().isEmpty());
        }
    }

    @Test
    void aWorkOrderRespondByShouldEscalateThroughTheTracker() {
        MySqlWorkOrderStore store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(),
                new SecureRandom());
        Tracker tracker = new Tracker(store, new ServiceLevels(Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(3)), EventPublisher.NONE, Clock.systemUTC());
        Instant soon = Instant.now().plusMillis(500);
        WorkOrder w = store.create(new NewWorkOrder("phone:1700000000.1", Channel.PHONE, "13800001111",
                RequestType.HELP, "", Optional.empty(), Area.UNKNOWN, Priority.NORMAL,
                new Deadlines(Optional.of(soon), Optional.of(soon.plus(Duration.ofHours(1))), Optional.empty()),
                WorkOrderState.RECEIVED), WorkOrderStoreContract.received(), x -> List.of()).workOrder();
        try (DeadlineScheduler s = scheduler(Map.of(MySqlDeadlineStore.WORK_ORDER, d -> tracker.onDeadline(
                new WorkOrderId(d.subjectId()), DeadlineKind.valueOf(d.kind())))).start()) {
            Eventually.waitFor("escalated", Duration.ofSeconds(15),
                    () -> store.find(w.id()).orElseThrow().state() == WorkOrderState.ESCALATED);
        }
        assertThat(store.history(w.id())).extracting(e -> e.to())
                .containsExactly(WorkOrderState.RECEIVED, WorkOrderState.ESCALATED);
    }
}
