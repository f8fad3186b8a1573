package org.hotline81890.gateway.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.hotline81890.gateway.supervision.EscalationReason;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.DeadlineKind;
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
 * "Found within 24 hours": a text the matcher left to the agents' SMS inbox must not wait there for ever. Its
 * respond-by is its arrival plus {@code sla.respond-within}; when nobody placed it by then, the deadline escalates it
 * (督办) with its own reason, and it leaves the inbox for the supervisors' list.
 */
class SmsReviewEscalationTest {
    private static final Duration REVIEW_WITHIN = Duration.ofHours(24);
    private final Instant arrived = Instant.parse("2026-12-05T02:00:00Z");
    private final Clock clock = Clock.fixed(arrived.plusSeconds(30), ZoneOffset.UTC);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(REVIEW_WITHIN, Duration.ofDays(10), Duration.ofHours(48));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final ReviewQueue inbox = new ReviewQueue() {
        @Override
        public List<WorkOrder> waiting(int limit) {
            return store.listByState(WorkOrderState.RECEIVED, 1000).stream().filter(w -> w.channel() == Channel.SMS)
                    .sorted(Comparator.comparing(WorkOrder::createdAt)).limit(limit).toList();
        }

        @Override
        public int count() {
            return waiting(1000).size();
        }
    };
    private final SmsReview review = new SmsReview(inbox, store, tracker);

    @Test
    void aTextNobodyPlacesIsEscalatedAtItsRespondByAndLeavesTheInbox() {
        WorkOrder text = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), levels,
                EventPublisher.NONE, clock).receive(IntakeRequest.of("sms:1", Channel.SMS, "13900001111",
                "那个事情怎么样了"), arrived)).workOrder();
        assertThat(review.waiting(10)).extracting(WorkOrder::id).containsExactly(text.id());
        assertThat(text.deadlines().respondBy()).contains(arrived.plus(REVIEW_WITHIN));

        WorkOrder escalated = tracker.onDeadline(text.id(), DeadlineKind.RESPOND_BY).orElseThrow();

        assertThat(escalated.state()).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(review.waiting(10)).isEmpty();
        assertThat(EscalationReason.of(store.history(text.id()).getLast().details()))
                .isEqualTo(EscalationReason.UNPLACED);
        assertThat(tracker.onDeadline(text.id(), DeadlineKind.RESPOND_BY)).as("fired again").isEmpty();
    }
}
