package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hotline81890.gateway.storage.mysql.MySqlOutbox;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Intake idempotency on real MariaDB: a storm of redeliveries of one SMS makes one work order and one reply. */
class IntakeIT {
    private static TestDatabase db;
    private static MySqlWorkOrderStore store;
    private static MySqlOutbox outbox;
    private static Intake intake;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
        outbox = new MySqlOutbox(db.database().transactions(), Clock.systemUTC());
        intake = new Intake(store, new HintsClassifier(), new ServiceLevels(Duration.ofHours(24),
                Duration.ofDays(10), Duration.ofHours(48)), EventPublisher.NONE, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void concurrentRedeliveriesOfOneSmsShouldMakeOneWorkOrderAndOneReply() throws Exception {
        IntakeRequest sms = IntakeRequest.of("sms:smsc-id-4711", Channel.SMS, "13800001111", "小区路灯坏了三天了")
                .withAcknowledgement(w -> List.of(new OutboxMessage(OutboxMessage.SMS, w.callerNumber(),
                        "已受理，工单号 " + w.ticket().grouped(), "ack:" + w.idempotencyKey())));
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        Set<Class<?>> outcomes = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                pool.submit(() -> {
                    go.await();
                    IntakeResult r = intake.receive(sms);
                    outcomes.add(r.getClass());
                    switch (r) {
                        case IntakeResult.Accepted a -> ids.add(a.workOrder().id().value());
                        case IntakeResult.Duplicate d -> ids.add(d.workOrder().id().value());
                        case IntakeResult.Refused f -> throw new AssertionError(f.reason());
                    }
                    return null;
                });
            }
            go.countDown();
        }
        assertThat(ids).hasSize(1);
        assertThat(outcomes).contains(IntakeResult.Duplicate.class);
        assertThat(store.listByCaller("13800001111", 100)).hasSize(1);
        assertThat(outbox.status("ack:sms:smsc-id-4711")).get().extracting(Outbox.OutboxStatus::state)
                .isEqualTo("PENDING");
        WorkOrder w = store.findByIdempotencyKey("sms:smsc-id-4711").orElseThrow();
        assertThat(store.history(w.id())).hasSize(1);
    }

    @Test
    void aBurstOfConcurrentIntakesWhileTheRelayClaimsShouldAllCommit() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean claiming = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread relayLike = Thread.ofVirtual().start(() -> {
            while (claiming.get()) {
                outbox.claimDue(java.time.Instant.now(), 50, Duration.ofMillis(1)).forEach(
                        e -> outbox.markDone(e.id(), java.time.Instant.now()));
            }
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 400; i++) {
                int n = i;
                pool.submit(() -> {
                    IntakeResult r = intake.receive(IntakeRequest.of("burst:" + n, Channel.PHONE, "1370000" + n, "")
                            .withAcknowledgement(w -> List.of(new OutboxMessage(OutboxMessage.SMS, w.callerNumber(),
                                    "工单 " + w.ticket(), "burst-ack:" + n))));
                    ids.add(((IntakeResult.Accepted) r).workOrder().id().value());
                    return null;
                });
            }
        } finally {
            claiming.set(false);
            relayLike.join();
        }
        assertThat(ids).hasSize(400);
    }

    @Test
    void distinctKeysShouldMakeDistinctOrdersWithDistinctTickets() {
        Set<TicketNumber> tickets = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 200; i++) {
            IntakeResult r = intake.receive(IntakeRequest.of("web:" + i, Channel.WEB, "13900000000", "咨询 " + i));
            tickets.add(((IntakeResult.Accepted) r).workOrder().ticket());
        }
        assertThat(tickets).hasSize(200);
    }
}
