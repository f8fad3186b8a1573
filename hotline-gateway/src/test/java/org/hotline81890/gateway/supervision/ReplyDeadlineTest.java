package org.hotline81890.gateway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.dispatch.ExtensionRequest;
import org.hotline81890.gateway.dispatch.ExtensionRequests;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.sms.InMemoryHeldReplies;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryDeadlineStore;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.offer.OfferId;
import org.junit.jupiter.api.Test;

/**
 * A held SMS reply's own deadline (ADR 0053): due decide-within after the text's arrival, not at the survey's
 * deadline; at it the text is on the 督办 list whatever its order's state, an order awaiting its survey escalated.
 */
class ReplyDeadlineTest {
    private static final Duration DECIDE_WITHIN = Duration.ofHours(24);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofHours(48));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
    private final InMemoryHeldReplies held = new InMemoryHeldReplies(store, clock, deadlines, DECIDE_WITHIN);
    private final ReplyDeadline deadline = new ReplyDeadline(held, tracker, deadlines, DECIDE_WITHIN, clock);
    private final SupervisionList list = new SupervisionList(store, new NoExtensions(), held);

    /** No department asks for more time here. */
    private static final class NoExtensions implements ExtensionRequests {
        @Override
        public ExtensionRequest add(ExtensionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ExtensionRequest> find(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<ExtensionRequest> pendingFor(OfferId offer) {
            return Optional.empty();
        }

        @Override
        public boolean decide(ExtensionRequest decided) {
            return false;
        }

        @Override
        public List<ExtensionRequest> pending(int limit) {
            return List.of();
        }
    }

    private WorkOrder moved(String caller, WorkOrderState... path) {
        WorkOrder w = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE,
                clock).receive(IntakeRequest.of("k:" + caller, Channel.SMS, caller, "水管漏水"))).workOrder();
        for (WorkOrderState s : path) {
            w = tracker.move(w.id(), s, "test", Channel.SYSTEM, "test", x -> List.of());
        }
        return w;
    }

    private WorkOrder completed(String caller) {
        return moved(caller, WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED,
                WorkOrderState.COMPLETED);
    }

    private HeldReply hold(WorkOrder w, String text) {
        return held.hold("sms:" + text, w.callerNumber(), text, clock.instant(), w.id(), List.of()).orElseThrow();
    }

    /** What the scheduler would fire at {@code at}: the held texts' deadlines due by then. */
    private List<DeadlineStore.DueDeadline> dueAt(Instant at) {
        return deadlines.claimDue(at, 100, LEASE).stream().filter(d -> d.subjectType().equals(HeldReply.DEADLINE))
                .toList();
    }

    private WorkOrderState state(WorkOrder w) {
        return store.find(w.id()).orElseThrow().state();
    }

    @Test
    void aReplyEarlyInTheSurveyWaitReachesTheSupervisorsAtItsOwnDeadlineNotTheSurveys() {
        WorkOrder w = completed("13800000001");
        clock.advance(Duration.ofHours(1)); // the survey's deadline is 47 h away
        HeldReply reply = hold(w, "师傅来了但是水管还在漏");
        Instant decideBy = reply.receivedAt().plus(DECIDE_WITHIN);
        assertThat(decideBy).isBefore(w.deadlines().surveyAt().orElseThrow());

        assertThat(dueAt(decideBy.minusMillis(1))).isEmpty();
        List<DeadlineStore.DueDeadline> due = dueAt(decideBy);
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.subjectId()).isEqualTo(reply.id());
            assertThat(d.kind()).isEqualTo(HeldReply.DECIDE_BY);
        });

        clock.set(decideBy);
        assertThat(deadline.fire(reply.id())).isEqualTo(ReplyDeadline.Outcome.ORDER_ESCALATED);
        assertThat(state(w)).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(list.escalated(100)).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo(EscalationReason.REPLY_UNDECIDED));
        assertThat(list.overdueReplies(100)).singleElement().satisfies(o -> {
            assertThat(o.reply().id()).isEqualTo(reply.id());
            assertThat(o.since()).isEqualTo(decideBy);
        });
        assertThat(held.find(reply.id()).orElseThrow().state()).isEqualTo(HeldReply.State.WAITING);
    }

    @Test
    void firedAgainAfterACrashItChangesNothingMore() {
        WorkOrder w = completed("13800000002");
        HeldReply reply = hold(w, "还在漏");
        clock.advance(DECIDE_WITHIN);
        deadline.fire(reply.id());
        int events = store.history(w.id()).size();

        clock.advance(LEASE);
        assertThat(deadline.fire(reply.id())).isEqualTo(ReplyDeadline.Outcome.OVERDUE);
        assertThat(store.history(w.id())).hasSize(events);
        assertThat(list.overdueReplies(100)).singleElement()
                .satisfies(o -> assertThat(o.since()).isEqualTo(clock.instant().minus(LEASE)));
    }

    @Test
    void aReplyToAClosedOrderIsOnTheListAndTheOrderStaysClosed() {
        WorkOrder w = moved("13800000003", WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED,
                WorkOrderState.COMPLETED, WorkOrderState.SURVEYED, WorkOrderState.CLOSED);
        HeldReply reply = hold(w, "上次修的又坏了");
        clock.advance(DECIDE_WITHIN);

        assertThat(deadline.fire(reply.id())).isEqualTo(ReplyDeadline.Outcome.OVERDUE);
        assertThat(state(w)).isEqualTo(WorkOrderState.CLOSED);
        assertThat(list.escalated(100)).isEmpty();
        assertThat(list.overdueReplies(100)).extracting(o -> o.reply().id()).containsExactly(reply.id());
    }

    @Test
    void aReplyToAnOrderBackWithAProviderLeavesTheProviderAlone() {
        WorkOrder w = completed("13800000004");
        HeldReply reply = hold(w, "还是不行");
        tracker.move(w.id(), WorkOrderState.REOPENED, "resident", Channel.SMS, "survey answer: 不满意", x -> List.of());
        tracker.move(w.id(), WorkOrderState.OFFERED, "dispatch", Channel.SYSTEM, "offered", x -> List.of());
        clock.advance(DECIDE_WITHIN);

        assertThat(deadline.fire(reply.id())).isEqualTo(ReplyDeadline.Outcome.OVERDUE);
        assertThat(state(w)).isEqualTo(WorkOrderState.OFFERED);
        assertThat(list.overdueReplies(100)).extracting(o -> o.reply().id()).containsExactly(reply.id());
    }

    @Test
    void theAgentsDecisionCancelsTheDeadlineAndAFiringAfterItIsANoOp() {
        WorkOrder w = completed("13800000005");
        HeldReply reply = hold(w, "谢谢，修好了");
        held.decide(reply.id(), HeldReply.State.DISMISSED, "agent", Optional.of("致谢"), clock.instant());

        assertThat(dueAt(clock.instant().plus(DECIDE_WITHIN))).isEmpty();
        clock.advance(DECIDE_WITHIN);
        assertThat(deadline.fire(reply.id())).isEqualTo(ReplyDeadline.Outcome.NOT_WAITING);
        assertThat(state(w)).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(list.overdueReplies(100)).isEmpty();
    }

    @Test
    void aDeadlineDueBeforeTheConfiguredOneIsArmedAgainAtIt() {
        WorkOrder w = completed("13800000006");
        HeldReply reply = hold(w, "什么时候来");
        Instant decideBy = reply.receivedAt().plus(DECIDE_WITHIN);
        deadlines.arm(HeldReply.DEADLINE, reply.id(), HeldReply.DECIDE_BY, reply.receivedAt()); // as V35 arms it
        clock.advance(Duration.ofHours(1));
        DeadlineStore.DueDeadline upgraded = dueAt(clock.instant()).getFirst();
        assertThat(upgraded.dueAt()).isEqualTo(reply.receivedAt());

        assertThat(deadline.fire(reply.id())).isEqualTo(ReplyDeadline.Outcome.NOT_YET);
        deadlines.markFired(upgraded.id(), clock.instant());
        assertThat(state(w)).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(list.overdueReplies(100)).isEmpty();
        assertThat(dueAt(decideBy)).extracting(DeadlineStore.DueDeadline::dueAt).containsExactly(decideBy, decideBy);
    }
}
