package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.InMemoryOutbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.Test;

/** A throttled channel (SMS waiting for the SMSC's submit rate) never takes every delivery slot from the others. */
class OutboxRelayFairnessTest {
    private static final HotlineConfig.OutboxRelay TEN_A_BATCH = new HotlineConfig.OutboxRelay(
            Duration.ofMillis(50), 10, Duration.ofMinutes(5), 5, Duration.ofMillis(50), Duration.ofMillis(200));

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDispatchIsDeliveredWhileEverySmsDeliveryIsStuck() {
        InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
        CountDownLatch smscBack = new CountDownLatch(1);
        AtomicInteger smsStarted = new AtomicInteger();
        AtomicInteger dispatched = new AtomicInteger();
        List<OutboxMessage> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // to 200 residents: the texts to one number go out one after the other (OutboxRelayOrderTest)
            texts.add(new OutboxMessage(OutboxMessage.SMS, "86138" + (100_000 + i), "工单 " + i, "sms:" + i));
        }
        outbox.enqueue(Optional.empty(), texts);
        try (OutboxRelay relay = new OutboxRelay(outbox, Map.of(
                OutboxMessage.SMS, e -> {
                    smsStarted.incrementAndGet();
                    await(smscBack);
                    return new DeliveryOutcome.Confirmed("sent");
                },
                "dispatch", e -> {
                    dispatched.incrementAndGet();
                    return new DeliveryOutcome.Confirmed("offered");
                }), TEN_A_BATCH, Clock.systemUTC()).start()) {
            Eventually.waitFor("SMS deliveries under way", Duration.ofSeconds(10), () -> smsStarted.get() >= 10);
            outbox.enqueue(Optional.empty(), List.of(new OutboxMessage("dispatch", "partner-network", "42", "d:42")));
            relay.wake();

            Eventually.waitFor("the dispatch delivered", Duration.ofSeconds(10), () -> dispatched.get() == 1);
            assertThat(smsStarted.get()).as("SMS rows in delivery at once: about one batch, never every slot")
                    .isLessThan(4 * 10);
            smscBack.countDown();
            Eventually.waitFor("every SMS delivered once the SMSC is back", Duration.ofSeconds(20),
                    () -> smsStarted.get() == 200);
        } finally {
            smscBack.countDown();
        }
    }

    /**
     * The simulated day (2026-12-05): 180 dispatch rows in delivery queued for the partner network's decision
     * holders, and the providers' answers waited behind them. A delivery that says how many of its rows may run at
     * once gets no more; the rest wait in the outbox, and other kinds go on.
     */
    @Test
    void aKindsOwnBoundShouldCapItsRowsInDelivery() {
        InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
        CountDownLatch locksFree = new CountDownLatch(1);
        AtomicInteger inDelivery = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger dispatched = new AtomicInteger();
        AtomicInteger webhooks = new AtomicInteger();
        List<OutboxMessage> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new OutboxMessage("dispatch", "partner-network", Integer.toString(i), "d:" + i));
        }
        outbox.enqueue(Optional.empty(), rows);
        OutboxDelivery threeAtOnce = new OutboxDelivery() {
            @Override
            public DeliveryOutcome deliver(org.hotline81890.gateway.workorder.OutboxEntry entry) {
                most.accumulateAndGet(inDelivery.incrementAndGet(), Math::max);
                await(locksFree);
                inDelivery.decrementAndGet();
                dispatched.incrementAndGet();
                return new DeliveryOutcome.Confirmed("offered");
            }

            @Override
            public int atOnce() {
                return 3;
            }
        };
        try (OutboxRelay relay = new OutboxRelay(outbox, Map.of("dispatch", threeAtOnce, "webhook", e -> {
            webhooks.incrementAndGet();
            return new DeliveryOutcome.Confirmed("HTTP 200");
        }), TEN_A_BATCH, Clock.systemUTC()).start()) {
            Eventually.waitFor("three dispatches under way", Duration.ofSeconds(10), () -> inDelivery.get() == 3);
            outbox.enqueue(Optional.empty(), List.of(new OutboxMessage("webhook", "P-1", "{}", "w:1")));
            relay.wake();
            Eventually.waitFor("the webhook delivered meanwhile", Duration.ofSeconds(10), () -> webhooks.get() == 1);
            assertThat(most.get()).as("dispatch rows in delivery at once").isEqualTo(3);
            locksFree.countDown();
            Eventually.waitFor("every dispatch delivered", Duration.ofSeconds(20), () -> dispatched.get() == 30);
            assertThat(most.get()).isLessThanOrEqualTo(3);
        } finally {
            locksFree.countDown();
        }
    }
}
