package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.InMemoryOutbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * A delivery that outlives its row's lease (issue 16's kill drill saw one survey SMS sent three times while the
 * submitter waited for a bind): the relay claims the row again, but does not deliver it a second time while the
 * first delivery is under way.
 */
class OutboxRelayLeaseTest {
    private static final HotlineConfig.OutboxRelay SHORT_LEASE = new HotlineConfig.OutboxRelay(
            Duration.ofMillis(20), 10, Duration.ofMillis(100), 5, Duration.ofMillis(50), Duration.ofMillis(200));

    @Test
    void aRowClaimedAgainWhileItsDeliveryRunsIsNotDeliveredTwice() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
        CountDownLatch smscBack = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        outbox.enqueue(Optional.empty(), List.of(
                new OutboxMessage(OutboxMessage.SMS, "8613800001111", "请对本次服务评价", "survey:1")));
        try (OutboxRelay relay = new OutboxRelay(outbox, Map.of(OutboxMessage.SMS, e -> {
            started.incrementAndGet();
            try {
                smscBack.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return new DeliveryOutcome.Confirmed("sent");
        }), SHORT_LEASE, Clock.systemUTC()).start()) {
            Eventually.waitFor("the delivery under way", Duration.ofSeconds(10), () -> started.get() == 1);
            // Ten leases long: the row falls due again and is claimed again, several times.
            Thread.sleep(1_000);
            smscBack.countDown();
            Eventually.waitFor("the row settled", Duration.ofSeconds(10),
                    () -> outbox.status("survey:1").map(s -> s.state().equals("DONE")).orElse(false));
            assertThat(started.get()).as("deliveries of the one row").isEqualTo(1);
        } finally {
            smscBack.countDown();
        }
    }
}
