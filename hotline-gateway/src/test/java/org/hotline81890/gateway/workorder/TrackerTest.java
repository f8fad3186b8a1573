package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrackerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(24), Duration.ofDays(10),
            Duration.ofHours(48));
    private final Intake intake = new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock);
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);

    private WorkOrder received() {
        return ((IntakeResult.Accepted) intake.receive(IntakeRequest.of("k:" + System.nanoTime(), Channel.PHONE,
                "13800001111", "电梯坏了"))).workOrder();
    }

    @Test
    void respondByShouldEscalateAnOrderNobodyTook() {
        WorkOrder w = received();
        assertThat(tracker.onDeadline(w.id(), DeadlineKind.RESPOND_BY)).get()
                .extracting(WorkOrder::state).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(store.history(w.id()).getLast().details()).contains("督办");
    }

    @Test
    void escalatingOrCancellingShouldWriteTheOfferWithdrawalInTheSameMoveAndOtherMovesNone() {
        WorkOrder escalated = tracker.onDeadline(received().id(), DeadlineKind.RESPOND_BY).orElseThrow();
        WorkOrder offered = received();
        tracker.move(offered.id(), WorkOrderState.MATCHED, "agent", Channel.AGENT, "", x -> List.of());
        tracker.move(offered.id(), WorkOrderState.OFFERED, "dispatch", Channel.SYSTEM, "", x -> List.of());
        WorkOrder cancelled = tracker.move(offered.id(), WorkOrderState.CANCELLED, "agent", Channel.AGENT,
                "resident withdrew the request", x -> List.of());
        List<OutboxMessage> rows = store.claimDue(clock.instant().plusSeconds(1), 100, Duration.ofMinutes(1))
                .stream().map(OutboxEntry::message).filter(m -> m.kind().equals(OfferWithdrawal.KIND)).toList();
        assertThat(rows).extracting(OutboxMessage::dedupeKey).containsExactlyInAnyOrder(
                "withdraw-offers:" + escalated.id().value() + ":" + escalated.version(),
                "withdraw-offers:" + cancelled.id().value() + ":" + cancelled.version());
        assertThat(rows).extracting(m -> OfferWithdrawal.parse(m.payload()).orElseThrow()).containsExactlyInAnyOrder(
                new OfferWithdrawal.Request(escalated.id(), "work order escalated: "
                        + store.history(escalated.id()).getLast().details()),
                new OfferWithdrawal.Request(cancelled.id(), "work order cancelled: resident withdrew the request"));
        assertThat(OfferWithdrawal.parse("no id here")).isEmpty();
    }

    @Test
    void aDeadlineThatNoLongerMattersShouldChangeNothing() {
        WorkOrder w = received();
        tracker.move(w.id(), WorkOrderState.MATCHED, "agent", Channel.AGENT, "", x -> List.of());
        tracker.move(w.id(), WorkOrderState.OFFERED, "dispatch", Channel.SYSTEM, "", x -> List.of());
        tracker.move(w.id(), WorkOrderState.ACCEPTED, "partner", Channel.PARTNER, "", x -> List.of());
        assertThat(tracker.onDeadline(w.id(), DeadlineKind.RESPOND_BY)).isEmpty();
        assertThat(tracker.onDeadline(w.id(), DeadlineKind.SURVEY_AT)).isEmpty();
        assertThat(store.history(w.id())).hasSize(4);
    }

    @Test
    void completionShouldArmTheSurveyAndSilenceShouldCloseAsNoReply() {
        WorkOrder w = received();
        tracker.move(w.id(), WorkOrderState.MATCHED, "agent", Channel.AGENT, "", x -> List.of());
        tracker.move(w.id(), WorkOrderState.OFFERED, "dispatch", Channel.SYSTEM, "", x -> List.of());
        tracker.move(w.id(), WorkOrderState.ACCEPTED, "partner", Channel.PARTNER, "", x -> List.of());
        WorkOrder done = tracker.move(w.id(), WorkOrderState.COMPLETED, "partner", Channel.PARTNER, "fixed",
                x -> List.of(new OutboxMessage("sms", x.callerNumber(), "满意请回1", "survey:" + x.id())));
        assertThat(done.deadlines().surveyAt()).contains(clock.instant().plus(Duration.ofHours(48)));
        assertThat(store.status("survey:" + w.id())).isPresent();
        assertThat(tracker.onDeadline(w.id(), DeadlineKind.SURVEY_AT)).get()
                .extracting(WorkOrder::state).isEqualTo(WorkOrderState.CLOSED);
        assertThat(store.history(w.id()).getLast().details()).contains("no reply");
    }

    @Test
    void anIllegalMoveShouldThrowAndLeaveTheOrderAlone() {
        WorkOrder w = received();
        assertThatThrownBy(() -> tracker.move(w.id(), WorkOrderState.COMPLETED, "x", Channel.AGENT, "",
                x -> List.of())).isInstanceOf(IllegalTransitionException.class);
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.RECEIVED);
    }
}
