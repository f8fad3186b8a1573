package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.junit.jupiter.api.Test;

/** What every {@link HeldReplies} must do (ADR 0024); in memory and on MariaDB. */
public interface HeldRepliesContract {
    HeldReplies held();

    /** The work-order store {@link #held()} reads. */
    WorkOrderStore store();

    /** Where {@link #held()} arms each text's own deadline (ADR 0053). */
    DeadlineStore deadlines();

    /** The decide-within {@link #held()} was built with. */
    Duration decideWithin();

    private ServiceLevels levels() {
        return new ServiceLevels(Duration.ofHours(1), Duration.ofDays(1), Duration.ofHours(48));
    }

    private WorkOrder order(String caller, String key) {
        return ((IntakeResult.Accepted) new Intake(store(), new HintsClassifier(), levels(), (w, e) -> { },
                Clock.systemUTC()).receive(IntakeRequest.of(key, Channel.SMS, caller, "楼道水管漏水")
                .withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty()))).workOrder();
    }

    private WorkOrder completed(String caller) {
        WorkOrder w = order(caller, "it-held-" + UUID.randomUUID());
        Tracker t = new Tracker(store(), levels(), (x, e) -> { }, Clock.systemUTC());
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            t.move(w.id(), s, "contract", Channel.SYSTEM, "contract", x -> List.of());
        }
        return store().find(w.id()).orElseThrow();
    }

    private static String caller() {
        return "86136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static List<OutboxMessage> ack(String caller, String key) {
        return List.of(new OutboxMessage(OutboxMessage.SMS, caller, "已收到", ReplyKey.of(key) + ":held"));
    }

    @Test
    default void aCompletedOrderIsRecentAndItsSurveyAnswerShows() {
        String caller = caller();
        WorkOrder w = completed(caller);
        order(caller(), "it-other-" + UUID.randomUUID());

        List<RecentOrder> recent = held().recent(caller, Instant.now().minus(Duration.ofHours(1)));
        assertThat(recent).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(w.id());
            assertThat(r.ticket()).isEqualTo(w.ticket());
            assertThat(r.awaitingSurvey()).isTrue();
            assertThat(r.answeredAt()).isEmpty();
        });
        new Tracker(store(), levels(), (x, e) -> { }, Clock.systemUTC()).move(w.id(), WorkOrderState.SURVEYED,
                "resident", Channel.SMS, "survey answer: 满意", x -> List.of());
        assertThat(held().recent(caller, Instant.now().minus(Duration.ofHours(1)))).singleElement()
                .satisfies(r -> assertThat(r.answeredAt()).isPresent());
    }

    @Test
    default void anOrderChangedBeforeTheWindowAndNotAwaitingASurveyIsNotRecent() {
        String caller = caller();
        order(caller, "it-old-" + UUID.randomUUID());
        assertThat(held().recent(caller, Instant.now().plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(held().recent(caller, Instant.now().minus(Duration.ofMinutes(1)))).hasSize(1);
    }

    @Test
    default void aTextIsHeldOnceByItsKeyAndWaitsUntilOneAgentDecides() {
        String caller = caller();
        WorkOrder w = completed(caller);
        String key = "sms:" + UUID.randomUUID();

        HeldReply h = held().hold(key, caller, "师傅来了但是水管还在漏", Instant.now(), w.id(), ack(caller, key)).orElseThrow();
        assertThat(held().hold(key, caller, "师傅来了但是水管还在漏", Instant.now(), w.id(), ack(caller, key))).contains(h);
        assertThat(h.ticket()).isEqualTo(w.ticket());
        assertThat(h.state()).isEqualTo(HeldReply.State.WAITING);
        assertThat(held().waiting(1000)).filteredOn(x -> x.callerNumber().equals(caller)).containsExactly(h);

        assertThat(held().decide(h.id(), HeldReply.State.DISMISSED, "agent-a", Optional.of("已解释"), Instant.now()))
                .isTrue();
        assertThat(held().decide(h.id(), HeldReply.State.SURVEY, "agent-b", Optional.of("满意"), Instant.now()))
                .isFalse();
        assertThat(held().find(h.id())).hasValueSatisfying(x -> {
            assertThat(x.state()).isEqualTo(HeldReply.State.DISMISSED);
            assertThat(x.decidedBy()).contains("agent-a");
            assertThat(x.note()).contains("已解释");
        });
        assertThat(held().waiting(1000)).noneMatch(x -> x.id() == h.id());
    }

    @Test
    default void aKeyThatIsAlreadyAnOrderHoldsNothing() {
        String caller = caller();
        WorkOrder w = completed(caller);
        String key = "sms:" + UUID.randomUUID();
        order(caller, key);
        assertThat(held().hold(key, caller, "水管还在漏", Instant.now(), w.id(), ack(caller, key))).isEmpty();
    }

    @Test
    default void theOldestWaitsFirst() {
        String caller = caller();
        WorkOrder w = completed(caller);
        HeldReply first = held().hold("sms:" + UUID.randomUUID(), caller, "一", Instant.now(), w.id(), List.of())
                .orElseThrow();
        HeldReply second = held().hold("sms:" + UUID.randomUUID(), caller, "二", Instant.now(), w.id(), List.of())
                .orElseThrow();
        int before = held().count();
        assertThat(held().waiting(1000)).filteredOn(x -> x.callerNumber().equals(caller))
                .containsExactly(first, second);
        held().decide(first.id(), HeldReply.State.REOPENED, "agent", Optional.empty(), Instant.now());
        assertThat(held().count()).isEqualTo(before - 1);
    }

    @Test
    default void aTextHeldAndNotDecidedIsTheOrdersReplyFromWhenTheOldestArrived() {
        String caller = caller();
        WorkOrder w = completed(caller);
        WorkOrder other = completed(caller());
        Instant arrived = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        String key = "sms:" + UUID.randomUUID();
        assertThat(held().waitingSince(w.id(), Instant.now())).isEmpty();

        HeldReply h = held().hold(key, caller, "修好了，谢谢", arrived, w.id(), ack(caller, key)).orElseThrow();
        assertThat(h.receivedAt()).isEqualTo(arrived);
        assertThat(held().waitingSince(w.id(), arrived)).contains(arrived);
        assertThat(held().waitingSince(w.id(), arrived.minusMillis(1))).isEmpty();
        assertThat(held().waitingSince(other.id(), Instant.now())).isEmpty();

        Instant later = arrived.plus(Duration.ofMinutes(5));
        String key2 = "sms:" + UUID.randomUUID();
        HeldReply second = held().hold(key2, caller, "还有点漏", later, w.id(), ack(caller, key2)).orElseThrow();
        assertThat(held().waitingSince(w.id(), Instant.now())).contains(arrived);

        held().decide(h.id(), HeldReply.State.DISMISSED, "agent", Optional.of("致谢"), Instant.now());
        assertThat(held().waitingSince(w.id(), Instant.now())).contains(later);
        held().decide(second.id(), HeldReply.State.DISMISSED, "agent", Optional.of("已知"), Instant.now());
        assertThat(held().waitingSince(w.id(), Instant.now())).isEmpty();
    }

    @Test
    default void aHeldTextHasItsOwnDeadlineThatTheAgentsDecisionCancels() {
        String caller = caller();
        WorkOrder w = completed(caller);
        Instant arrived = Instant.now().minus(decideWithin()).minus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.MILLIS);
        HeldReply kept = held().hold("sms:" + UUID.randomUUID(), caller, "还在漏", arrived, w.id(), List.of())
                .orElseThrow();
        HeldReply decided = held().hold("sms:" + UUID.randomUUID(), caller, "谢谢", arrived, w.id(), List.of())
                .orElseThrow();
        held().decide(decided.id(), HeldReply.State.DISMISSED, "agent", Optional.of("致谢"), Instant.now());

        List<DeadlineStore.DueDeadline> due = deadlines().claimDue(Instant.now(), 1000, Duration.ofMinutes(1))
                .stream().filter(d -> d.subjectType().equals(HeldReply.DEADLINE)).toList();
        assertThat(due).filteredOn(d -> d.subjectId() == kept.id()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(HeldReply.DECIDE_BY);
            assertThat(d.dueAt()).isEqualTo(arrived.plus(decideWithin()));
        });
        assertThat(due).noneMatch(d -> d.subjectId() == decided.id());
    }

    @Test
    default void anUndecidedTextIsOverdueOnceAndLeavesTheListWhenDecided() {
        String caller = caller();
        WorkOrder w = completed(caller);
        HeldReply h = held().hold("sms:" + UUID.randomUUID(), caller, "师傅没来", Instant.now(), w.id(), List.of())
                .orElseThrow();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(held().overdue(1000)).noneMatch(o -> o.reply().id() == h.id());

        assertThat(held().markOverdue(h.id(), at)).isTrue();
        assertThat(held().markOverdue(h.id(), at.plusSeconds(60))).isFalse();
        assertThat(held().overdue(1000)).filteredOn(o -> o.reply().id() == h.id()).singleElement()
                .satisfies(o -> assertThat(o.since()).isEqualTo(at));

        held().decide(h.id(), HeldReply.State.REOPENED, "agent", Optional.empty(), Instant.now());
        assertThat(held().overdue(1000)).noneMatch(o -> o.reply().id() == h.id());
        assertThat(held().markOverdue(h.id(), at)).isFalse();
    }
}
