package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.InMemoryOutbox;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * A kind delivered in groups (ADR 0045): the rows that wait for a turn are taken together, at most {@code together}
 * a group, every row delivered once, and each group's outcomes settle its own rows.
 */
class OutboxRelayGroupsTest {
    private static final HotlineConfig.OutboxRelay TWENTY_A_BATCH = new HotlineConfig.OutboxRelay(
            Duration.ofMillis(50), 20, Duration.ofMinutes(5), 5, Duration.ofMillis(50), Duration.ofMillis(200));

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One slot, groups of four: while the first group is decided the others wait and are then taken four at once. */
    private static final class Grouped implements OutboxDelivery {
        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch firstMayEnd = new CountDownLatch(1);

        @Override
        public DeliveryOutcome deliver(OutboxEntry entry) {
            throw new AssertionError("a grouped kind is delivered with deliverAll");
        }

        @Override
        public List<DeliveryOutcome> deliverAll(List<OutboxEntry> entries) {
            calls.add(entries.stream().map(e -> e.message().payload()).toList());
            if (calls.size() == 1) {
                await(firstMayEnd);
            }
            // the row "bad" asks for a retry, the others are confirmed: outcomes are per row
            return entries.stream().<DeliveryOutcome>map(e -> e.message().payload().equals("bad")
                    ? new DeliveryOutcome.Retry("not now") : new DeliveryOutcome.Confirmed("offered")).toList();
        }

        @Override
        public int atOnce() {
            return 1;
        }

        @Override
        public int together() {
            return 4;
        }
    }

    @Test
    void aBacklogOfAGroupedKindShouldBeDeliveredInGroupsOfAtMostTogetherEachRowOnce() {
        InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
        Grouped grouped = new Grouped();
        try (OutboxRelay relay = new OutboxRelay(outbox, Map.of("dispatch", grouped), TWENTY_A_BATCH,
                Clock.systemUTC()).start()) {
            outbox.enqueue(Optional.empty(), List.of(new OutboxMessage("dispatch", "pn", "0", "d:0")));
            relay.wake();
            Eventually.waitFor("the first group under way", Duration.ofSeconds(10), () -> grouped.calls.size() == 1);
            List<OutboxMessage> backlog = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                backlog.add(new OutboxMessage("dispatch", "pn", i == 5 ? "bad" : Integer.toString(i), "d:" + i));
            }
            outbox.enqueue(Optional.empty(), backlog);
            relay.wake();
            Eventually.waitFor("the backlog claimed and waiting", Duration.ofSeconds(10),
                    () -> outbox.nextDue().map(due -> due.isAfter(Instant.now().plusSeconds(60))).orElse(false));
            grouped.firstMayEnd.countDown();
            Eventually.waitFor("every row delivered", Duration.ofSeconds(10),
                    () -> grouped.calls.stream().mapToInt(List::size).sum() >= 11);

            // The calls up to the 11th row: the bad row's retry may already have come after them.
            List<List<String>> calls = new ArrayList<>();
            List<String> delivered = new ArrayList<>();
            for (List<String> call : List.copyOf(grouped.calls)) {
                if (delivered.size() < 11) {
                    calls.add(call);
                    delivered.addAll(call);
                }
            }
            assertThat(calls.get(0)).containsExactly("0");
            assertThat(calls.subList(1, calls.size())).as("the backlog, in groups")
                    .allSatisfy(g -> assertThat(g).hasSizeBetween(1, 4))
                    .extracting(List::size).containsExactly(4, 4, 2);
            assertThat(delivered.subList(0, 11)).as("each row once, in the claim's order")
                    .containsExactly("0", "1", "2", "3", "4", "bad", "6", "7", "8", "9", "10");
            Eventually.waitFor("the confirmed rows done, the bad one back for a retry", Duration.ofSeconds(10),
                    () -> outbox.status("d:4").orElseThrow().state().equals("DONE")
                            && outbox.status("d:6").orElseThrow().state().equals("DONE"));
            assertThat(outbox.status("d:5").orElseThrow()).as("the row that asked for a retry")
                    .satisfies(s -> assertThat(s.state()).isEqualTo("PENDING"))
                    .satisfies(s -> assertThat(s.lastError()).contains("not now"));
        } finally {
            grouped.firstMayEnd.countDown();
        }
    }
}
