package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.workorder.InMemoryOutbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * The relay's lane for rows that go first (issue 18, ADR 0050): the SMS reply with its ticket, named by its key right
 * after its commit, is claimed by the next round ahead of the older due rows of other kinds that fill a claim.
 */
class OutboxRelayFirstLaneTest {
    private static final HotlineConfig.OutboxRelay CFG = new HotlineConfig.OutboxRelay(Duration.ofMillis(20), 10,
            Duration.ofSeconds(30), 5, Duration.ofMillis(50), Duration.ofMillis(200));
    private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    private OutboxRelay relay() {
        DeliveryOutcome sent = new DeliveryOutcome.Confirmed("sent");
        return new OutboxRelay(outbox, Map.of(OutboxMessage.SMS, e -> {
            delivered.add(e.message().dedupeKey());
            return sent;
        }, "dispatch", e -> {
            delivered.add(e.message().dedupeKey());
            return sent;
        }), CFG, clock);
    }

    /** A claim's worth of dispatch rows due before the reply, then the reply. */
    private void dispatchRowsThenTheReply() {
        List<OutboxMessage> dispatch = new ArrayList<>();
        for (int i = 0; i < CFG.batchSize(); i++) {
            dispatch.add(new OutboxMessage("dispatch", "order-" + i, "{}", "dispatch:" + i));
        }
        clock.set(T0.minusSeconds(1));
        outbox.enqueue(Optional.empty(), dispatch);
        clock.set(T0);
        outbox.enqueue(Optional.empty(), List.of(reply()));
    }

    private static OutboxMessage reply() {
        return new OutboxMessage(OutboxMessage.SMS, "8613800002222", "【81890】您的诉求已受理，工单号T", "sms-reply:k1");
    }

    private int attempts(String key) {
        return outbox.status(key).orElseThrow().attempts();
    }

    @Test
    void aReplySentFirstIsClaimedByTheNextRoundAheadOfOlderRowsThatFillTheClaim() {
        dispatchRowsThenTheReply();
        try (OutboxRelay relay = relay()) {
            relay.sendFirst(List.of("sms-reply:k1"));
            relay.round();

            assertThat(attempts("sms-reply:k1")).as("claimed in the first round").isEqualTo(1);
            Eventually.waitFor("the reply delivered", Duration.ofSeconds(10),
                    () -> delivered.contains("sms-reply:k1"));
            assertThat(attempts("dispatch:0")).as("the ordinary claim still ran").isEqualTo(1);
        }
    }

    @Test
    void withoutItTheReplyWaitsForTheClaimAfterTheOlderRows() {
        dispatchRowsThenTheReply();
        try (OutboxRelay relay = relay()) {
            relay.round();

            assertThat(attempts("sms-reply:k1")).as("passed over by a claim full of older rows").isZero();
        }
    }

    @Test
    void aRowAlreadyLeasedOrDoneIsNotClaimedAgainByItsKey() {
        outbox.enqueue(Optional.empty(), List.of(reply()));
        assertThat(outbox.claimDue(T0, 10, Duration.ofSeconds(30))).hasSize(1); // another relay holds it
        try (OutboxRelay relay = relay()) {
            relay.sendFirst(List.of("sms-reply:k1", "sms-reply:unknown"));
            relay.round();

            assertThat(attempts("sms-reply:k1")).as("not claimed a second time").isEqualTo(1);
            assertThat(delivered).isEmpty();
        }
    }
}
