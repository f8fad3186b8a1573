package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.gateway.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** The survey-wait deadline judges an answer by when it arrived (ADR 0036), on an injected clock. */
class SurveyWaitTest {
    private static final Duration IN_FLIGHT = Duration.ofSeconds(10);
    private static final Duration RECHECK = Duration.ofSeconds(5);
    private static final Duration HELD_RECHECK = Duration.ofMinutes(1);
    private static final Duration DECIDE_WITHIN = Duration.ofHours(24);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofHours(48));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
    /** Texts acknowledged and not processed: caller → when it arrived. */
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    /** Answers in words held for an agent and not decided: order → when the text arrived. */
    private final Map<WorkOrderId, Instant> held = new ConcurrentHashMap<>();
    private final SurveyWait wait = new SurveyWait(store, tracker, deadlines, "work_order",
            (caller, by) -> pending.containsKey(caller) && !pending.get(caller).isAfter(by),
            (order, by) -> Optional.ofNullable(held.get(order)).filter(at -> !at.isAfter(by)), IN_FLIGHT, RECHECK,
            HELD_RECHECK, DECIDE_WITHIN, clock);

    private WorkOrder completed(String caller) {
        WorkOrder w = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE,
                clock).receive(IntakeRequest.of("k:" + caller, Channel.SMS, caller, "水管漏水"))).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED,
                WorkOrderState.COMPLETED)) {
            w = tracker.move(w.id(), s, "test", Channel.SYSTEM, "test", x -> List.of());
        }
        return w;
    }

    private Instant due(WorkOrder w) {
        return w.deadlines().surveyAt().orElseThrow();
    }

    private List<Instant> armed() {
        return deadlines.claimDue(clock.instant().plus(Duration.ofDays(9)), 100, Duration.ofMinutes(1)).stream()
                .map(DeadlineStore.DueDeadline::dueAt).toList();
    }

    @Test
    void silenceClosesOnceATextSentBeforeTheDeadlineCanNoLongerBeOnItsWayIntoTheJournal() {
        WorkOrder w = completed("13800000001");
        clock.set(due(w));
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(armed()).containsExactly(due(w).plus(IN_FLIGHT));

        clock.set(due(w).plus(IN_FLIGHT));
        assertThat(wait.fire(w.id())).get().extracting(WorkOrder::state).isEqualTo(WorkOrderState.CLOSED);
        assertThat(store.history(w.id()).getLast().details()).contains("no reply");
    }

    @Test
    void anAnswerSentInTimeAndNotProcessedYetHoldsTheCloseUntilItIsProcessed() {
        WorkOrder w = completed("13800000002");
        pending.put("13800000002", due(w).minusSeconds(30));
        clock.set(due(w).plus(Duration.ofMinutes(3)));

        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(armed()).containsExactly(clock.instant().plus(RECHECK), clock.instant().plus(RECHECK));

        // the stage gets to it: 不满意 reopens the order, and the recheck finds nothing to close
        new Survey(store, tracker).answer(java.util.Optional.empty(), "13800000002",
                org.hotline81890.partners.kpi.SurveyAnswer.UNSATISFIED, Channel.SMS);
        pending.remove("13800000002");
        clock.advance(RECHECK);
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);
    }

    @Test
    void aTextThatArrivedAfterTheDeadlineOrFromSomeoneElseDoesNotHoldIt() {
        WorkOrder w = completed("13800000003");
        pending.put("13800000003", due(w).plusMillis(1));
        pending.put("13800000004", due(w).minusSeconds(30));
        clock.set(due(w).plus(IN_FLIGHT));

        assertThat(wait.fire(w.id())).get().extracting(WorkOrder::state).isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void aRecheckLeftFromAnEarlierRoundNeitherClosesTooEarlyNorTouchesAnOrderNotWaiting() {
        WorkOrder w = completed("13800000005");
        clock.set(due(w).minusSeconds(1));
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);

        tracker.move(w.id(), WorkOrderState.REOPENED, "agent", Channel.AGENT, "test", x -> List.of());
        clock.set(due(w).plus(Duration.ofDays(1)));
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);
    }

    /** ADR 0024: the resident answered in words by the deadline; the agent has the text and has not decided yet. */
    @Test
    void anAnswerInWordsHeldForAnAgentHoldsTheCloseUntilTheAgentDecides() {
        WorkOrder w = completed("13800000006");
        held.put(w.id(), due(w).minusSeconds(30));
        clock.set(due(w).plus(IN_FLIGHT));

        assertThat(wait.fire(w.id())).isEmpty();
        clock.advance(Duration.ofHours(3));
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(armed()).containsExactly(due(w).plus(IN_FLIGHT).plus(HELD_RECHECK),
                clock.instant().plus(HELD_RECHECK));

        held.remove(w.id()); // the agent dismissed it: no answer after all
        clock.advance(HELD_RECHECK);
        assertThat(wait.fire(w.id())).get().extracting(WorkOrder::state).isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void anAnswerInWordsThatArrivedAfterTheDeadlineOrForAnotherOrderDoesNotHoldIt() {
        WorkOrder w = completed("13800000007");
        WorkOrder other = completed("13800000008");
        held.put(w.id(), due(w).plusMillis(1));
        held.put(other.id(), due(w).minusSeconds(30));
        clock.set(due(w).plus(IN_FLIGHT));

        assertThat(wait.fire(w.id())).get().extracting(WorkOrder::state).isEqualTo(WorkOrderState.CLOSED);
    }

    /** ADR 0049: nobody decided the held answer within its deadline; the order goes to 督办, never closes unseen. */
    @Test
    void anAnswerInWordsNobodyDecidesInTimeSendsTheOrderToTheSupervisorsAtItsDeadline() {
        WorkOrder w = completed("13800000009");
        Instant arrived = due(w).minus(Duration.ofHours(23)).minusSeconds(30);
        held.put(w.id(), arrived);
        clock.set(due(w).plus(IN_FLIGHT));
        assertThat(wait.fire(w.id())).isEmpty();
        assertThat(armed()).containsExactly(clock.instant().plus(HELD_RECHECK));

        clock.set(arrived.plus(DECIDE_WITHIN).minusSeconds(20));
        assertThat(wait.fire(w.id())).isEmpty(); // the recheck never runs past the agent's deadline
        Instant decideBy = arrived.plus(DECIDE_WITHIN);
        assertThat(armed()).contains(decideBy).allMatch(t -> !t.isAfter(decideBy));

        clock.set(decideBy);
        WorkOrder escalated = wait.fire(w.id()).orElseThrow();
        assertThat(escalated.state()).isEqualTo(WorkOrderState.ESCALATED);
        assertThat(store.history(w.id()).getLast().details()).contains(Tracker.REPLY_UNDECIDED);
        assertThat(armed()).allMatch(t -> !t.isAfter(decideBy)); // nothing armed after it
        assertThat(wait.fire(w.id())).isEmpty(); // a recheck left behind does nothing more
    }

    @Test
    void anOrderAnsweredAtFirstContactWithAnUndecidedReplyGoesToTheSupervisorsToo() {
        WorkOrder w = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE,
                clock).receive(IntakeRequest.of("k:answered", Channel.SMS, "13800000010", "几点开门"))).workOrder();
        w = tracker.move(w.id(), WorkOrderState.ANSWERED, "agent", Channel.AGENT, "answered", x -> List.of());
        held.put(w.id(), due(w).minus(DECIDE_WITHIN).minusSeconds(1));
        clock.set(due(w).plus(IN_FLIGHT));

        assertThat(wait.fire(w.id())).get().extracting(WorkOrder::state).isEqualTo(WorkOrderState.ESCALATED);
    }
}
