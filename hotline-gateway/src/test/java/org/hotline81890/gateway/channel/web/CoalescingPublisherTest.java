package org.hotline81890.gateway.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestType;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;

class CoalescingPublisherTest {
    @Test
    void everyEventArrivesOnTheContextInTheOrderEachThreadPublishedIt() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Context context = vertx.getOrCreateContext();
            List<String> seen = new CopyOnWriteArrayList<>();
            Map<Boolean, Integer> onContext = new ConcurrentHashMap<>();
            CoalescingPublisher publisher = new CoalescingPublisher((order, event) -> {
                onContext.merge(Vertx.currentContext() == context, 1, Integer::sum);
                seen.add(event.details());
            }, context);
            WorkOrder order = order();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        publisher.published(order, new EventDraft("sms", Channel.SMS, WorkOrderState.RECEIVED,
                                thread + ":" + i));
                    }
                });
            }
            Eventually.waitFor("4,000 events delivered", Duration.ofSeconds(10), () -> seen.size() == 4000);
            assertThat(onContext).containsOnlyKeys(true);
            for (int t = 0; t < 8; t++) {
                String prefix = t + ":";
                List<String> mine = new ArrayList<>(seen.stream().filter(s -> s.startsWith(prefix)).toList());
                assertThat(mine).hasSize(500);
                for (int i = 0; i < 500; i++) {
                    assertThat(mine.get(i)).isEqualTo(prefix + i);
                }
            }
        } finally {
            vertx.close().await();
        }
    }

    private static WorkOrder order() {
        NewWorkOrder o = new NewWorkOrder("key-1", Channel.SMS, "8613800001111", RequestType.HELP, "t",
                Optional.empty(), Area.UNKNOWN, Priority.NORMAL, Deadlines.NONE, WorkOrderState.RECEIVED);
        return new InMemoryWorkOrderStore(Clock.systemUTC()).create(o, List.of(), w -> List.of()).workOrder();
    }
}
