package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.hotline81890.directory.RequestType;
import org.junit.jupiter.api.Test;

/** What every {@link WorkOrderStore} (and its {@link Outbox}) must do; run against the fake and real MariaDB. */
public interface WorkOrderStoreContract {
    WorkOrderStore store();

    Outbox outbox();

    static NewWorkOrder order(String key, String caller) {
        Instant soon = Instant.now().plus(Duration.ofHours(1));
        return new NewWorkOrder(key, Channel.SMS, caller, RequestType.HELP, "楼上漏水 请派人来看看 😀",
                Optional.empty(), new Area(Optional.of("海曙区"), Optional.of("鼓楼街道"), Optional.empty(),
                Optional.empty(), Optional.of("中山西路1号")), Priority.NORMAL,
                new Deadlines(Optional.of(soon), Optional.of(soon.plus(Duration.ofDays(1))), Optional.empty()),
                WorkOrderState.RECEIVED);
    }

    static List<EventDraft> received() {
        return List.of(new EventDraft("sms", Channel.SMS, WorkOrderState.RECEIVED, "received by sms"));
    }

    @Test
    default void createShouldStoreEverythingAndFindItByTicketAndKey() {
        String key = "sms:" + UUID.randomUUID();
        WorkOrderStore.Created c = store().create(order(key, "13800001111"), received(), w -> List.of());
        assertThat(c.fresh()).isTrue();
        WorkOrder w = c.workOrder();
        assertThat(w.text()).isEqualTo("楼上漏水 请派人来看看 😀");
        assertThat(w.area().district()).contains("海曙区");
        assertThat(w.area().address()).contains("中山西路1号");
        assertThat(w.deadlines().respondBy()).isPresent();
        assertThat(store().findByTicket(w.ticket())).contains(w);
        assertThat(store().findByIdempotencyKey(key)).contains(w);
        assertThat(store().find(w.id())).contains(w);
        assertThat(store().history(w.id())).extracting(WorkOrderEvent::to).containsExactly(WorkOrderState.RECEIVED);
    }

    @Test
    default void updateShouldWriteWhatTheAgentClassifiedTheTextIncluded() {
        WorkOrder w = store().create(order("phone:" + UUID.randomUUID(), "13800001111"), received(), x -> List.of())
                .workOrder();
        Area area = new Area(Optional.of("海曙区"), Optional.of("鼓楼街道"), Optional.of("中山社区"),
                Optional.of("第一网格"), Optional.of("中山西路2号"));
        WorkOrder after = store().update(w.id(), current -> {
            WorkOrder next = current.withState(WorkOrderState.MATCHED, Instant.now()).reclassified("水管爆了",
                    RequestType.COMPLAINT, "RP-01", Priority.URGENT, area, current.deadlines());
            return Optional.of(new WorkOrderStore.Change(next, new EventDraft("wangfang", Channel.AGENT,
                    WorkOrderState.MATCHED, "dispatched"), List.of()));
        });
        assertThat(store().find(w.id())).contains(after);
        assertThat(after.text()).isEqualTo("水管爆了");
        assertThat(after.serviceCode()).contains("RP-01");
        assertThat(after.requestType()).isEqualTo(RequestType.COMPLAINT);
        assertThat(after.area()).isEqualTo(area);
    }

    @Test
    default void receiveShouldReturnSameWorkOrderWhenKeyIsSeenAgain() {
        String key = "sms:" + UUID.randomUUID();
        WorkOrder first = store().create(order(key, "13800001111"), received(), w -> List.of()).workOrder();
        WorkOrderStore.Created again = store().create(order(key, "13900002222"), received(), w -> List.of());
        assertThat(again.fresh()).isFalse();
        assertThat(again.workOrder()).isEqualTo(first);
        assertThat(store().history(first.id())).hasSize(1);
    }

    @Test
    default void concurrentCreatesWithOneKeyShouldMakeOneWorkOrder() throws Exception {
        String key = "sms:" + UUID.randomUUID();
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                pool.submit(() -> {
                    go.await();
                    ids.add(store().create(order(key, "13800001111"), received(), w -> List.of())
                            .workOrder().id().value());
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ids).hasSize(1);
    }

    @Test
    default void createShouldWriteTheEffectsInTheSameTransaction() {
        String key = "sms:" + UUID.randomUUID();
        WorkOrder w = store().create(order(key, "13800001111"), received(), stored -> List.of(
                new OutboxMessage(OutboxMessage.SMS, "13800001111", "工单号 " + stored.ticket(), "ack:" + key)))
                .workOrder();
        assertThat(outbox().status("ack:" + key)).get().extracting(Outbox.OutboxStatus::state).isEqualTo("PENDING");
        assertThat(w.ticket()).isNotNull();
    }

    @Test
    default void updateShouldAppendOneEventPerChangeInOrder() {
        WorkOrder w = store().create(order("sms:" + UUID.randomUUID(), "13800001111"), received(), x -> List.of())
                .workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED)) {
            store().update(w.id(), cur -> Optional.of(new WorkOrderStore.Change(cur.withState(s, Instant.now()),
                    new EventDraft("agent-7", Channel.AGENT, s, "to " + s), List.of())));
        }
        WorkOrder after = store().find(w.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(WorkOrderState.ACCEPTED);
        assertThat(after.version()).isEqualTo(3);
        List<WorkOrderEvent> h = store().history(w.id());
        assertThat(h).extracting(WorkOrderEvent::to).containsExactly(WorkOrderState.RECEIVED, WorkOrderState.MATCHED,
                WorkOrderState.OFFERED, WorkOrderState.ACCEPTED);
        assertThat(h.get(2).from()).contains(WorkOrderState.MATCHED);
        assertThat(h.get(3).actor()).isEqualTo("agent-7");
    }

    @Test
    default void updateShouldReturnTheWorkOrderExactlyAsStored() {
        WorkOrder w = store().create(order("sms:" + UUID.randomUUID(), "13800001111"), received(), x -> List.of())
                .workOrder();
        Instant oddNanos = Instant.parse("2031-05-06T07:08:09.123456789Z");
        WorkOrder returned = store().update(w.id(), cur -> Optional.of(new WorkOrderStore.Change(
                cur.withService("HK-01", RequestType.COMPLAINT, Priority.URGENT)
                        .withDeadlines(cur.deadlines().withSurveyAt(oddNanos))
                        .withState(WorkOrderState.MATCHED, Instant.now()),
                new EventDraft("agent-7", Channel.AGENT, WorkOrderState.MATCHED, "matched"), List.of())));
        assertThat(returned).isEqualTo(store().find(w.id()).orElseThrow());
        assertThat(returned.version()).isEqualTo(w.version() + 1);
        assertThat(returned.serviceCode()).contains("HK-01");
        assertThat(returned.deadlines().surveyAt()).isPresent();
    }

    @Test
    default void illegalTransitionShouldChangeNothing() {
        WorkOrder w = store().create(order("sms:" + UUID.randomUUID(), "13800001111"), received(), x -> List.of())
                .workOrder();
        assertThatThrownBy(() -> store().update(w.id(), cur -> Optional.of(new WorkOrderStore.Change(
                cur.withState(WorkOrderState.CLOSED, Instant.now()),
                new EventDraft("x", Channel.AGENT, WorkOrderState.CLOSED, ""), List.of()))))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(store().find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.RECEIVED);
        assertThat(store().history(w.id())).hasSize(1);
    }

    @Test
    default void emptyChangeShouldWriteNothing() {
        WorkOrder w = store().create(order("sms:" + UUID.randomUUID(), "13800001111"), received(), x -> List.of())
                .workOrder();
        assertThat(store().update(w.id(), cur -> Optional.empty())).isEqualTo(w);
        assertThat(store().history(w.id())).hasSize(1);
    }

    @Test
    default void listsShouldFilterByStateAndCallerNewestFirst() {
        String caller = "1390000" + (1000 + (int) (Math.random() * 8999));
        WorkOrder a = store().create(order("sms:" + UUID.randomUUID(), caller), received(), x -> List.of())
                .workOrder();
        WorkOrder b = store().create(order("sms:" + UUID.randomUUID(), caller), received(), x -> List.of())
                .workOrder();
        assertThat(store().listByCaller(caller, 10)).extracting(WorkOrder::id).containsExactly(b.id(), a.id());
        assertThat(store().listByCaller(caller, 1)).hasSize(1);
        assertThat(store().listByState(WorkOrderState.RECEIVED, 1000)).extracting(WorkOrder::id)
                .contains(a.id(), b.id());
    }

    @Test
    default void outboxShouldLeaseRetryAndFinishRows() {
        String key = "row:" + UUID.randomUUID();
        outbox().enqueue(Optional.empty(), List.of(new OutboxMessage("sms", "13800001111", "hi", key)));
        Instant now = Instant.now();
        List<OutboxEntry> claimed = outbox().claimDue(now.plusSeconds(1), 1000, Duration.ofSeconds(30));
        OutboxEntry mine = claimed.stream().filter(e -> e.message().dedupeKey().equals(key)).findFirst().orElseThrow();
        assertThat(mine.attempts()).isEqualTo(1);
        assertThat(outbox().claimDue(now.plusSeconds(2), 1000, Duration.ofSeconds(30)))
                .noneMatch(e -> e.message().dedupeKey().equals(key));
        outbox().retryLater(mine.id(), now.plusSeconds(5), "throttled");
        assertThat(outbox().claimDue(now.plusSeconds(6), 1000, Duration.ofSeconds(30)))
                .filteredOn(e -> e.message().dedupeKey().equals(key)).extracting(OutboxEntry::attempts)
                .containsExactly(2);
        outbox().markDone(mine.id(), now.plusSeconds(7));
        assertThat(outbox().status(key)).get().extracting(Outbox.OutboxStatus::state).isEqualTo("DONE");
        assertThat(outbox().claimDue(now.plus(Duration.ofDays(1)), 1000, Duration.ofSeconds(30)))
                .noneMatch(e -> e.message().dedupeKey().equals(key));
    }
}
