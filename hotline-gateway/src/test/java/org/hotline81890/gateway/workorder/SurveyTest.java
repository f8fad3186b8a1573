package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hotline81890.partners.kpi.SurveyAnswer;
import org.junit.jupiter.api.Test;

class SurveyTest {
    private final Clock clock = Clock.systemUTC();
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final ServiceLevels levels = new ServiceLevels(Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3));
    private final Tracker tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
    private final Survey survey = new Survey(store, tracker);
    private final Intake intake = new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock);

    private WorkOrder completed(String caller) {
        WorkOrder w = ((IntakeResult.Accepted) intake.receive(IntakeRequest.of("k" + System.nanoTime(),
                Channel.SMS, caller, "下水道堵了"))).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED,
                WorkOrderState.COMPLETED)) {
            tracker.move(w.id(), s, "t", Channel.SYSTEM, "", x -> List.of());
        }
        return w;
    }

    @Test
    void satisfiedShouldCloseAndUnsatisfiedShouldReopenAndAskForDispatch() {
        WorkOrder happy = completed("13800001111");
        assertThat(survey.answer(Optional.of(happy.ticket()), "13800001111", SurveyAnswer.SATISFIED, Channel.SMS))
                .isInstanceOf(Survey.Result.Recorded.class);
        assertThat(store.find(happy.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CLOSED);

        WorkOrder unhappy = completed("13900002222");
        Survey.Result r = survey.answer(Optional.empty(), "13900002222", SurveyAnswer.UNSATISFIED, Channel.PHONE);
        WorkOrder after = ((Survey.Result.Recorded) r).workOrder();
        assertThat(after.state()).isEqualTo(WorkOrderState.REOPENED);
        assertThat(store.status("dispatch:" + after.id() + ":" + after.version())).isPresent();
        assertThat(store.history(unhappy.id())).extracting(WorkOrderEvent::to)
                .endsWith(WorkOrderState.SURVEYED, WorkOrderState.REOPENED);
    }

    @Test
    void anAnswerCutOffAfterItsFirstMoveShouldBeSettledWhenTheResidentsTextComesAgain() {
        // kill -9 between the SURVEYED move and the CLOSED/REOPENED one: the SMS was never confirmed, so the SMSC
        // delivers it again; the order must not stay SURVEYED (no deadline moves it) with the answer lost
        for (SurveyAnswer answer : List.of(SurveyAnswer.SATISFIED, SurveyAnswer.UNSATISFIED)) {
            WorkOrder w = completed("1360000000" + answer.ordinal());
            tracker.move(w.id(), WorkOrderState.SURVEYED, "resident", Channel.SMS,
                    Survey.ANSWER_DETAILS + answer.zh(), x -> List.of());

            Survey.Result again = survey.answer(Optional.empty(), w.callerNumber(), answer, Channel.SMS);

            WorkOrderState expected = answer == SurveyAnswer.SATISFIED ? WorkOrderState.CLOSED
                    : WorkOrderState.REOPENED;
            assertThat(again).isInstanceOf(Survey.Result.Recorded.class);
            assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(expected);
            assertThat(store.history(w.id())).extracting(WorkOrderEvent::to).as("one SURVEYED, not two")
                    .endsWith(WorkOrderState.COMPLETED, WorkOrderState.SURVEYED, expected);
        }
    }

    @Test
    void aSecondUnsatisfiedCutOffBeforeItsEscalationShouldEscalateWhenTheResidentsTextComesAgain() {
        // kill -9 between the second 不满意's REOPENED move and its ESCALATED one: no dispatch row, no escalation, the
        // text not confirmed; its redelivery (by ticket or by the caller's latest order) must finish the escalation
        for (boolean byTicket : List.of(true, false)) {
            WorkOrder w = completedTwice(byTicket ? "13500000001" : "13500000002");
            Optional<TicketNumber> ticket = byTicket ? Optional.of(w.ticket()) : Optional.empty();
            store.crashBefore(c -> c.next().state() == WorkOrderState.ESCALATED);
            assertThatThrownBy(() -> survey.answer(ticket, w.callerNumber(), SurveyAnswer.UNSATISFIED, Channel.SMS))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);

            Survey.Result again = survey.answer(ticket, w.callerNumber(), SurveyAnswer.UNSATISFIED, Channel.SMS);

            assertThat(again).isInstanceOf(Survey.Result.Recorded.class);
            WorkOrder after = store.find(w.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(WorkOrderState.ESCALATED);
            assertThat(store.history(w.id())).extracting(WorkOrderEvent::to).as("the answer recorded once")
                    .endsWith(WorkOrderState.COMPLETED, WorkOrderState.SURVEYED, WorkOrderState.REOPENED,
                            WorkOrderState.ESCALATED);
            assertThat(store.history(w.id())).filteredOn(e -> e.to() == WorkOrderState.ESCALATED)
                    .extracting(WorkOrderEvent::details).containsExactly(Survey.UNSATISFIED_TWICE);
            assertThat(survey.answer(ticket, w.callerNumber(), SurveyAnswer.UNSATISFIED, Channel.SMS))
                    .as("a third copy changes nothing").isNotInstanceOf(Survey.Result.Recorded.class);
            assertThat(store.find(w.id()).orElseThrow().version()).isEqualTo(after.version());
        }
    }

    @Test
    void aFirstUnsatisfiedThatCameAgainShouldNotEscalateTheReopenedOrder() {
        WorkOrder w = completed("13500000003");
        survey.answer(Optional.of(w.ticket()), w.callerNumber(), SurveyAnswer.UNSATISFIED, Channel.SMS);
        assertThat(survey.answer(Optional.of(w.ticket()), w.callerNumber(), SurveyAnswer.UNSATISFIED, Channel.SMS))
                .isInstanceOf(Survey.Result.NotAsked.class);
        assertThat(survey.answer(Optional.empty(), w.callerNumber(), SurveyAnswer.UNSATISFIED, Channel.SMS))
                .isInstanceOf(Survey.Result.Unknown.class);
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);
    }

    /** Completed, answered 不满意, done again by a second provider: the survey is asked a second time. */
    private WorkOrder completedTwice(String caller) {
        WorkOrder w = completed(caller);
        survey.answer(Optional.of(w.ticket()), caller, SurveyAnswer.UNSATISFIED, Channel.SMS);
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            tracker.move(w.id(), s, "t", Channel.SYSTEM, "", x -> List.of());
        }
        return w;
    }

    @Test
    void theAnswerRecordedBeforeTheCrashShouldCountNotALaterDifferentOne() {
        WorkOrder w = completed("13600000009");
        tracker.move(w.id(), WorkOrderState.SURVEYED, "resident", Channel.SMS,
                Survey.ANSWER_DETAILS + SurveyAnswer.SATISFIED.zh(), x -> List.of());
        survey.answer(Optional.of(w.ticket()), w.callerNumber(), SurveyAnswer.UNSATISFIED, Channel.SMS);
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void anAnswerFromAnotherNumberOrForAnOpenOrderShouldChangeNothing() {
        WorkOrder w = completed("13800003333");
        assertThat(survey.answer(Optional.of(w.ticket()), "13000000000", SurveyAnswer.SATISFIED, Channel.SMS))
                .isInstanceOf(Survey.Result.Unknown.class);
        survey.answer(Optional.of(w.ticket()), "13800003333", SurveyAnswer.SATISFIED, Channel.SMS);
        assertThat(survey.answer(Optional.of(w.ticket()), "13800003333", SurveyAnswer.UNSATISFIED, Channel.SMS))
                .isInstanceOf(Survey.Result.NotAsked.class);
        assertThat(store.find(w.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void theSurveyedMoveShouldWriteTheProviderScoreAsAnOutboxRowNamingItsVersion() {
        for (SurveyAnswer answer : List.of(SurveyAnswer.SATISFIED, SurveyAnswer.BASICALLY_SATISFIED,
                SurveyAnswer.UNSATISFIED)) {
            WorkOrder w = completed("1370000000" + answer.ordinal());
            WorkOrder after = ((Survey.Result.Recorded) survey.answer(Optional.of(w.ticket()), w.callerNumber(),
                    answer, Channel.SMS)).workOrder();
            int surveyedVersion = after.version() - 1; // CLOSED or REOPENED followed the SURVEYED move
            OutboxEntry row = store.claimDue(clock.instant().plusSeconds(1), 100, Duration.ofMinutes(1)).stream()
                    .filter(e -> e.message().kind().equals(SurveyScore.KIND)).findFirst().orElseThrow();
            assertThat(row.message().dedupeKey()).isEqualTo("survey-score:" + w.id().value() + ":" + surveyedVersion);
            assertThat(SurveyScore.parse(row.message().payload()))
                    .contains(new SurveyScore.Request(w.id(), surveyedVersion, answer));
            store.markDone(row.id(), clock.instant());
        }
        WorkOrder silent = completed("13700000009");
        assertThatThrownBy(() -> survey.answer(Optional.of(silent.ticket()), silent.callerNumber(),
                SurveyAnswer.NO_REPLY, Channel.SMS)).as("no reply is the deadline's, not a resident's answer")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(silent.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(SurveyScore.parse("12:3")).isEmpty();
        assertThat(SurveyScore.parse("12:3:VERY_HAPPY")).isEmpty();
        assertThat(SurveyScore.parse("x:3:SATISFIED")).isEmpty();
    }
}
