package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.RequestType;
import org.junit.jupiter.api.Test;

class IntakeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(24), Duration.ofDays(10),
            Duration.ofHours(48));
    private final List<EventDraft> published = new ArrayList<>();
    private final RequestClassifier gas = r -> new Classification(Optional.of("UT-03"), RequestType.REPORT,
            Priority.EMERGENCY, Optional.of(Duration.ofMinutes(5)), Optional.of(Duration.ofHours(2)), "煤气味");
    private Intake intake(RequestClassifier c) {
        return new Intake(store, c, levels, (w, e) -> published.add(e), clock);
    }

    @Test
    void receiveShouldCommitOnceAndReturnSameWorkOrderWhenSmsIsRedelivered() {
        IntakeRequest sms = IntakeRequest.of("sms:msg-1", Channel.SMS, "13800001111", "家里有煤气味");
        IntakeResult first = intake(gas).receive(sms);
        IntakeResult second = intake(gas).receive(sms);
        assertThat(first).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(second).isInstanceOf(IntakeResult.Duplicate.class);
        WorkOrder a = ((IntakeResult.Accepted) first).workOrder();
        assertThat(((IntakeResult.Duplicate) second).workOrder().id()).isEqualTo(a.id());
        assertThat(store.listByCaller("13800001111", 10)).hasSize(1);
    }

    @Test
    void aMatchedRequestShouldRecordServiceTypePriorityAndItsDeadlines() {
        WorkOrder w = ((IntakeResult.Accepted) intake(gas).receive(
                IntakeRequest.of("sms:msg-2", Channel.SMS, "13800001111", "家里有煤气味"))).workOrder();
        assertThat(w.state()).isEqualTo(WorkOrderState.MATCHED);
        assertThat(w.serviceCode()).contains("UT-03");
        assertThat(w.requestType()).isEqualTo(RequestType.REPORT);
        assertThat(w.priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(w.deadlines().respondBy()).contains(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(w.deadlines().completeBy()).contains(clock.instant().plus(Duration.ofHours(2)));
        assertThat(store.history(w.id())).extracting(WorkOrderEvent::to)
                .containsExactly(WorkOrderState.RECEIVED, WorkOrderState.MATCHED);
        assertThat(published).extracting(EventDraft::to).containsExactly(WorkOrderState.RECEIVED,
                WorkOrderState.MATCHED);
    }

    @Test
    void anUnmatchedRequestShouldStayReceivedWithTheDefaultServiceLevels() {
        WorkOrder w = ((IntakeResult.Accepted) intake(new HintsClassifier()).receive(
                IntakeRequest.of("web:1", Channel.WEB, "13800001111", "随便问问"))).workOrder();
        assertThat(w.state()).isEqualTo(WorkOrderState.RECEIVED);
        assertThat(w.serviceCode()).isEmpty();
        assertThat(w.deadlines().respondBy()).contains(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void theAcknowledgementShouldSeeTheTicketAndBeWrittenWithTheOrder() {
        IntakeRequest sms = IntakeRequest.of("sms:msg-3", Channel.SMS, "13800001111", "路灯坏了")
                .withAcknowledgement(w -> List.of(new OutboxMessage(OutboxMessage.SMS, w.callerNumber(),
                        "您的工单号 " + w.ticket().grouped(), "ack:" + w.id())));
        WorkOrder w = ((IntakeResult.Accepted) intake(new HintsClassifier()).receive(sms)).workOrder();
        assertThat(store.status("ack:" + w.id())).isPresent();
    }

    @Test
    void anOverlongTextShouldBeRefusedAndStoreNothing() {
        IntakeResult r = intake(gas).receive(IntakeRequest.of("sms:long", Channel.SMS, "13800001111",
                "长".repeat(IntakeRequest.MAX_TEXT + 1)));
        assertThat(r).isInstanceOf(IntakeResult.Refused.class);
        assertThat(store.findByIdempotencyKey("sms:long")).isEmpty();
    }
}
