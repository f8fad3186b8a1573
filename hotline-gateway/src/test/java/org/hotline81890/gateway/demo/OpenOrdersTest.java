package org.hotline81890.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hotline81890.gateway.channel.http.WorkOrderJson;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.Test;

/**
 * The day report says why each order is still open, from the order as the admin API returns it (histories and
 * deadlines written by the real use cases): the deadline that moves it on in its state, still to come or passed
 * without moving it, and what last happened.
 */
class OpenOrdersTest {
    private static final Instant NOW = Instant.parse("2026-12-05T14:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(24), Duration.ofDays(10),
            Duration.ofHours(48));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final Intake intake = new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock);

    private WorkOrder received(String caller) {
        return ((IntakeResult.Accepted) intake.receive(IntakeRequest.of("k" + caller, Channel.SMS, caller,
                "你好"))).workOrder();
    }

    private DayReport.Order read(WorkOrder w) {
        WorkOrder now = store.find(w.id()).orElseThrow();
        return DayReport.order(WorkOrderJson.withHistory(now, store.history(w.id())), "sms");
    }

    @Test
    void anUnreviewedTextWaitsForItsRespondByAndOnceItPassedWithoutMovingItSaysSo() {
        DayReport.Order text = read(received("13800000001"));
        assertThat(text.due()).contains(NOW.plus(Duration.ofHours(24)));
        assertThat(OpenOrders.reason(text, NOW)).isEqualTo("respond-by still to come; last: sms received by sms");
        assertThat(OpenOrders.reason(text, NOW.plus(Duration.ofHours(25))))
                .startsWith("respond-by passed, order not moved; ");
        assertThat(OpenOrders.reason(text, NOW.plus(Duration.ofHours(24)).plusSeconds(60)))
                .startsWith("respond-by just passed; ");
    }

    @Test
    void aCompletedOrderWaitsForTheSurveyAndClosedOrEscalatedOnesAreNotOpen() {
        WorkOrder done = received("13800000002");
        for (WorkOrderState s : List.of(WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED,
                WorkOrderState.COMPLETED)) {
            tracker.move(done.id(), s, "P-12", Channel.PARTNER, s == WorkOrderState.COMPLETED
                    ? "completed by P-12: 已上门处理完毕" : "", x -> List.of());
        }
        WorkOrder escalated = received("13800000003");
        tracker.onDeadline(escalated.id(), org.hotline81890.gateway.workorder.DeadlineKind.RESPOND_BY);
        DayReport.Order completed = read(done);
        assertThat(completed.due()).contains(NOW.plus(Duration.ofHours(48)));
        Map<WorkOrderState, Map<String, Long>> by = OpenOrders.byReason(List.of(completed, read(escalated),
                read(received("13800000004"))), NOW);
        assertThat(by).containsOnlyKeys(WorkOrderState.COMPLETED, WorkOrderState.RECEIVED);
        assertThat(by.get(WorkOrderState.COMPLETED))
                .containsExactly(Map.entry("survey wait still to come; last: P-# completed by P-#", 1L));
    }
}
