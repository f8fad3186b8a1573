package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.supervision.EscalationReason;
import org.hotline81890.gateway.supervision.ReplyDeadline;
import org.hotline81890.gateway.supervision.SupervisionList;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.SurveyWait;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR 0049 on real MariaDB: a resident's answer in words held for an agent keeps its order from the survey's "no
 * reply" close until the agent decides it, and at most until its own deadline (smpp.reply-hold.decide-within, 24 h
 * here); past it the order is on the 督办 list as 居民回复超时未处理, and the text still waits in the inbox. And ADR 0053:
 * that deadline is a row of its own, armed when the text is held, so a text held early in the 48 h survey wait reaches
 * the 督办 list 24 h after it arrived, whatever its order's state, and an agent's decision cancels it.
 */
class HeldReplyDeadlineIT {
    private static final Duration DECIDE_WITHIN = Duration.ofHours(24);
    private static final ServiceLevels LEVELS = new ServiceLevels(Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofHours(48));
    private static TestDatabase db;
    private static ManualClock clock;
    private static MySqlWorkOrderStore store;
    private static MySqlHeldReplies held;
    private static Tracker tracker;
    private static SurveyWait wait;
    private static MySqlDeadlineStore deadlines;
    private static ReplyDeadline replyDeadline;
    private static SupervisionList list;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        var tx = db.database().transactions();
        store = new MySqlWorkOrderStore(tx, clock, new SecureRandom());
        held = new MySqlHeldReplies(tx, clock, DECIDE_WITHIN);
        tracker = new Tracker(store, LEVELS, EventPublisher.NONE, clock);
        deadlines = new MySqlDeadlineStore(tx);
        replyDeadline = new ReplyDeadline(held, tracker, deadlines, DECIDE_WITHIN, clock);
        list = new SupervisionList(store, new MySqlExtensionRequests(tx), held);
        wait = new SurveyWait(store, tracker, deadlines, MySqlDeadlineStore.WORK_ORDER,
                (caller, by) -> false, held, Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1),
                DECIDE_WITHIN, clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anUndecidedReplySendsItsOrderToTheSupervisorsAtItsDeadlineAndStaysInTheInbox() {
        WorkOrder w = completed();
        Instant due = w.deadlines().surveyAt().orElseThrow();
        Instant arrived = due.minus(Duration.ofHours(2));
        HeldReply reply = hold(w, arrived);

        clock.set(due);
        assertThat(wait.fire(w.id())).isEmpty();
        clock.set(arrived.plus(DECIDE_WITHIN).minusSeconds(1));
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(state(w)).isEqualTo(WorkOrderState.COMPLETED);

        clock.set(arrived.plus(DECIDE_WITHIN));
        assertThat(wait.fire(w.id())).get().extracting(WorkOrder::state).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(list.escalated(1000)).filteredOn(i -> i.order().id().equals(w.id())).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo(EscalationReason.REPLY_UNDECIDED));
        assertThat(held.find(reply.id()).orElseThrow().state()).isEqualTo(HeldReply.State.WAITING);
    }

    @Test
    void aReplyTheAgentDecidesInTimeLetsTheNoReplyCloseGoOn() {
        WorkOrder w = completed();
        Instant due = w.deadlines().surveyAt().orElseThrow();
        HeldReply reply = hold(w, due.minusSeconds(30));

        clock.set(due.plusSeconds(1));
        assertThat(wait.fire(w.id())).isEmpty();
        held.decide(reply.id(), HeldReply.State.DISMISSED, "agent", Optional.of("致谢"), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        assertThat(wait.fire(w.id())).get().extracting(WorkOrder::state).isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void aReplyEarlyInTheSurveyWaitReachesTheSupervisorsAtItsOwnDeadline() {
        WorkOrder w = completed();
        Instant arrived = clock.instant().plus(Duration.ofHours(1));
        HeldReply reply = hold(w, arrived);
        Instant decideBy = arrived.plus(DECIDE_WITHIN);
        assertThat(decideBy).isBefore(w.deadlines().surveyAt().orElseThrow());

        assertThat(dueAt(decideBy.minusMillis(1), reply)).isEmpty();
        DeadlineStore.DueDeadline due = dueAt(decideBy, reply).getFirst();
        clock.set(decideBy);
        assertThat(replyDeadline.fire(due.subjectId())).isEqualTo(ReplyDeadline.Outcome.ORDER_ESCALATED);

        assertThat(state(w)).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(list.escalated(1000)).filteredOn(i -> i.order().id().equals(w.id())).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo(EscalationReason.REPLY_UNDECIDED));
        assertThat(list.overdueReplies(1000)).filteredOn(o -> o.reply().id() == reply.id()).singleElement()
                .satisfies(o -> assertThat(o.since()).isEqualTo(decideBy));
        assertThat(store.history(w.id()).getLast().details()).startsWith(MySqlHeldReplies.OVERDUE);
        assertThat(held.find(reply.id()).orElseThrow().state()).isEqualTo(HeldReply.State.WAITING);

        // fired again (a crash before it was marked fired): nothing more happens
        int events = store.history(w.id()).size();
        clock.advance(Duration.ofMinutes(1));
        replyDeadline.fire(due.subjectId());
        assertThat(store.history(w.id())).hasSize(events);
    }

    @Test
    void aReplyToAClosedOrderIsOnTheListUntilAnAgentDecidesIt() {
        WorkOrder w = completed();
        tracker.move(w.id(), WorkOrderState.SURVEYED, "resident", Channel.SMS, "survey answer: 满意", x -> List.of());
        tracker.move(w.id(), WorkOrderState.CLOSED, "scheduler", Channel.SYSTEM, "closed", x -> List.of());
        HeldReply reply = hold(w, clock.instant());
        clock.set(reply.receivedAt().plus(DECIDE_WITHIN));
        DeadlineStore.DueDeadline due = dueAt(clock.instant(), reply).getFirst();

        assertThat(replyDeadline.fire(due.subjectId())).isEqualTo(ReplyDeadline.Outcome.OVERDUE);
        assertThat(state(w)).isEqualTo(WorkOrderState.CLOSED);
        assertThat(list.overdueReplies(1000)).anyMatch(o -> o.reply().id() == reply.id());

        held.decide(reply.id(), HeldReply.State.NEW_REQUEST, "agent", Optional.empty(), clock.instant());
        assertThat(list.overdueReplies(1000)).noneMatch(o -> o.reply().id() == reply.id());
    }

    @Test
    void theAgentsDecisionCancelsTheRepliesOwnDeadline() {
        WorkOrder w = completed();
        HeldReply reply = hold(w, clock.instant());
        held.decide(reply.id(), HeldReply.State.DISMISSED, "agent", Optional.of("致谢"), clock.instant());

        assertThat(dueAt(reply.receivedAt().plus(DECIDE_WITHIN), reply)).isEmpty();
        assertThat(replyDeadline.fire(reply.id())).isEqualTo(ReplyDeadline.Outcome.NOT_WAITING);
        assertThat(state(w)).isEqualTo(WorkOrderState.COMPLETED);
    }

    /** What the scheduler claims at {@code at} of {@code reply}'s own deadline (the row committed with the text). */
    private static List<DeadlineStore.DueDeadline> dueAt(Instant at, HeldReply reply) {
        return deadlines.claimDue(at, 1000, Duration.ofSeconds(1)).stream()
                .filter(d -> d.subjectType().equals(HeldReply.DEADLINE) && d.subjectId() == reply.id())
                .peek(d -> assertThat(d.kind()).isEqualTo(HeldReply.DECIDE_BY)).toList();
    }

    private static WorkOrder completed() {
        String caller = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        WorkOrder w = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), LEVELS, EventPublisher.NONE,
                clock).receive(IntakeRequest.of("k:" + UUID.randomUUID(), Channel.SMS, caller, "水管漏水")))
                .workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED,
                WorkOrderState.COMPLETED)) {
            w = tracker.move(w.id(), s, "test", Channel.SYSTEM, "test", x -> List.of());
        }
        return w;
    }

    /** The text arrives at {@code at}: the clock is there when it is held (a text is never held ahead of now). */
    private static HeldReply hold(WorkOrder w, Instant at) {
        clock.set(at);
        return held.hold("sms:" + UUID.randomUUID(), w.callerNumber(), "谢谢，修好了", at, w.id(), List.of())
                .orElseThrow();
    }

    private static WorkOrderState state(WorkOrder w) {
        return store.find(w.id()).orElseThrow().state();
    }
}
