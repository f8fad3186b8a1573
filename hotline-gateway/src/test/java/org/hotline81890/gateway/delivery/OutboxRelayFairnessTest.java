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
            texts.add(new OutboxMessage(OutboxMessage.SMS, "8613800001111", "工单 " + i, "sms:" + i));
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
}
