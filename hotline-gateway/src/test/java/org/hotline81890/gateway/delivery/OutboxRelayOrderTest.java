package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.InMemoryOutbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement and the address question of one transaction go to the resident in that order (issue 18): the
 * texts to one number are submitted one after the other, while texts to other numbers go out meanwhile.
 */
class OutboxRelayOrderTest {
    private static final HotlineConfig.OutboxRelay CFG = new HotlineConfig.OutboxRelay(Duration.ofMillis(20), 10,
            Duration.ofSeconds(30), 5, Duration.ofMillis(50), Duration.ofMillis(200));
    private static final String RESIDENT = "8613800001111";

    @Test
    void theAddressQuestionIsSubmittedOnlyOnceTheAcknowledgementBeforeItIs() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
        outbox.enqueue(Optional.empty(), List.of(
                new OutboxMessage(OutboxMessage.SMS, RESIDENT, "【81890】您的诉求已受理，工单号348-995-937。", "ack"),
                new OutboxMessage(OutboxMessage.SMS, RESIDENT, "【81890】工单348-995-937需要上门服务，请回复地址。", "question"),
                new OutboxMessage(OutboxMessage.SMS, "8613900002222", "【81890】您的诉求已受理。", "other")));
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch questionStarted = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        try (OutboxRelay relay = new OutboxRelay(outbox, Map.of(OutboxMessage.SMS, e -> {
            String key = e.message().dedupeKey();
            events.add(key + " started");
            try {
                switch (key) {
                    case "question" -> questionStarted.countDown();
                    case "other" -> otherDone.countDown();
                    default -> {
                        // the acknowledgement's SMSC is slow: the other number's text goes out meanwhile, the
                        // question must not (a second at most: it would have started at once without the order)
                        otherDone.await(10, TimeUnit.SECONDS);
                        questionStarted.await(1, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            events.add(key + " submitted");
            return new DeliveryOutcome.Confirmed("sent");
        }), CFG, Clock.systemUTC()).start()) {
            Eventually.waitFor("all three submitted", Duration.ofSeconds(20), () -> events.size() == 6);
        }
        assertThat(events.indexOf("ack submitted")).as(events.toString())
                .isLessThan(events.indexOf("question started"));
        assertThat(events.indexOf("other submitted")).isLessThan(events.indexOf("ack submitted"));
    }
}
