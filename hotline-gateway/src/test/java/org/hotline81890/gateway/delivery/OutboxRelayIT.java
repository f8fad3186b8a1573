package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.storage.mysql.MySqlOutbox;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrderStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbox crash-safety on real MariaDB: rows written with their work orders survive any crash of the relay. */
class OutboxRelayIT {
    private static final HotlineConfig.OutboxRelay FAST = new HotlineConfig.OutboxRelay(Duration.ofMillis(50), 20,
            Duration.ofSeconds(1), 5, Duration.ofMillis(50), Duration.ofMillis(200));
    private TestDatabase db;
    private MySqlOutbox outbox;
    private MySqlWorkOrderStore store;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabase.create();
        outbox = new MySqlOutbox(db.database().transactions(), Clock.systemUTC());
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        db.close();
    }

    private List<String> writeOrdersWithReplies(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "ack:" + i;
            store.create(WorkOrderStoreContract.order("sms:" + i, "1380000" + (1000 + i)),
                    WorkOrderStoreContract.received(),
                    w -> List.of(new OutboxMessage(OutboxMessage.SMS, w.callerNumber(), "工单 " + w.ticket(), key)));
            keys.add(key);
        }
        return keys;
    }

    private OutboxRelay relay(OutboxDelivery delivery) {
        OutboxRelay r = new OutboxRelay(outbox, Map.of(OutboxMessage.SMS, delivery), FAST, Clock.systemUTC());
        closing.add(r);
        return r.start();
    }

    @Test
    void rowsWrittenBeforeACrashShouldBeDeliveredByTheNextRelay() {
        List<String> keys = writeOrdersWithReplies(30);
        // The process "crashed" right after commit: no relay ran. A new one starts and finds every row.
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        relay(e -> {
            delivered.add(e.message().dedupeKey());
            return new DeliveryOutcome.Confirmed("ok");
        });
        Eventually.waitFor("all rows done", Duration.ofSeconds(20), () -> keys.stream()
                .allMatch(k -> outbox.status(k).map(s -> s.state().equals("DONE")).orElse(false)));
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aRelayThatDiesMidDeliveryShouldLoseNothing() throws Exception {
        List<String> keys = writeOrdersWithReplies(25);
        CountDownLatch claimedByTheDoomedRelay = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        // Relay 1 claims a batch and then hangs forever inside delivery, as a killed process would: no confirm.
        relay(e -> {
            claimedByTheDoomedRelay.countDown();
            try {
                never.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return new DeliveryOutcome.Retry("interrupted");
        });
        assertThat(claimedByTheDoomedRelay.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        relay(e -> {
            deliveries.computeIfAbsent(e.message().dedupeKey(), k -> new AtomicInteger()).incrementAndGet();
            return new DeliveryOutcome.Confirmed("ok");
        });
        Eventually.waitFor("all rows done", Duration.ofSeconds(30), () -> keys.stream()
                .allMatch(k -> outbox.status(k).map(s -> s.state().equals("DONE")).orElse(false)));
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(deliveries.values()).allMatch(c -> c.get() == 1);
        never.countDown();
    }

    @Test
    void transientFailuresShouldBeRetriedWithBackoffAndPermanentOnesKept() {
        outbox.enqueue(java.util.Optional.empty(), List.of(
                new OutboxMessage(OutboxMessage.SMS, "13800001111", "flaky", "flaky"),
                new OutboxMessage(OutboxMessage.SMS, "00000", "bad number", "bad"),
                new OutboxMessage(OutboxMessage.SMS, "13800001111", "never", "never")));
        AtomicInteger flaky = new AtomicInteger();
        relay(e -> switch (e.message().dedupeKey()) {
            case "flaky" -> flaky.incrementAndGet() < 3 ? new DeliveryOutcome.Retry("throttled")
                    : new DeliveryOutcome.Confirmed("ok");
            case "bad" -> new DeliveryOutcome.Rejected("unknown subscriber");
            default -> new DeliveryOutcome.Retry("SMSC down");
        });
        Eventually.waitFor("flaky done", Duration.ofSeconds(20),
                () -> outbox.status("flaky").map(s -> s.state().equals("DONE")).orElse(false));
        Eventually.waitFor("never failed after max attempts", Duration.ofSeconds(20),
                () -> outbox.status("never").map(s -> s.state().equals("FAILED")).orElse(false));
        assertThat(outbox.status("flaky").orElseThrow().attempts()).isEqualTo(3);
        Outbox.OutboxStatus bad = outbox.status("bad").orElseThrow();
        assertThat(bad.state()).isEqualTo("FAILED");
        assertThat(bad.attempts()).isEqualTo(1);
        assertThat(bad.lastError()).contains("unknown subscriber");
        assertThat(outbox.status("never").orElseThrow().attempts()).isEqualTo(FAST.maxAttempts());
    }

    @Test
    void rowsOfADisabledChannelShouldBeParkedAndDeliveredWhenItIsEnabled() {
        List<String> keys = writeOrdersWithReplies(5);
        // SMS disabled: this node delivers only webhooks
        OutboxRelay without = new OutboxRelay(outbox, Map.of(OutboxMessage.WEBHOOK, e -> {
            throw new AssertionError("no webhook was written");
        }), FAST, Clock.systemUTC());
        closing.add(without);
        without.start();
        Eventually.waitFor("all SMS rows parked", Duration.ofSeconds(20),
                () -> outbox.parked().getOrDefault(OutboxMessage.SMS, 0) == 5);
        assertThat(keys).allSatisfy(k -> assertThat(outbox.status(k).orElseThrow().state()).isEqualTo("PARKED"));
        without.close();

        Set<String> delivered = ConcurrentHashMap.newKeySet();
        relay(e -> {
            delivered.add(e.message().dedupeKey());
            return new DeliveryOutcome.Confirmed("ok");
        });
        Eventually.waitFor("parked rows delivered once SMS is enabled", Duration.ofSeconds(20), () -> keys.stream()
                .allMatch(k -> outbox.status(k).map(s -> s.state().equals("DONE")).orElse(false)));
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(outbox.parked()).isEmpty();
        assertThat(outbox.status(keys.getFirst()).orElseThrow().attempts()).isEqualTo(1);
    }
}
