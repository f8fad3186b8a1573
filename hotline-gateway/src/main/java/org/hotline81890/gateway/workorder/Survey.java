package org.hotline81890.gateway.workorder;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * Use case: the resident answers the satisfaction survey (SMS reply or IVR callback). Satisfied closes the order;
 * unsatisfied reopens it and writes a dispatch row so that it goes back to a provider (a different one first);
 * unsatisfied a second time escalates it to the supervisors (督办). An unsatisfied resident also goes on the
 * agents' callback list ({@link SurveyCallback}).
 */
public final class Survey {
    /** How the SURVEYED event's details start; the answer's Chinese word follows. */
    public static final String ANSWER_DETAILS = "survey answer: ";
    /** The escalation after a second 不满意: a supervisor (督办) decides, no third provider is tried blindly. */
    public static final String UNSATISFIED_TWICE = "escalated (督办): the resident was unsatisfied twice (二次不满意)";
    /** The REOPENED event of a second 不满意, which its escalation follows in a transaction of its own. */
    static final String UNSATISFIED_AGAIN = "unsatisfied again";
    private static final Set<WorkOrderState> ASKED = EnumSet.of(WorkOrderState.COMPLETED, WorkOrderState.ANSWERED);
    /** Asked, or answered by a move whose second half (closing or reopening) a crash cut off. */
    private static final Set<WorkOrderState> OPEN = EnumSet.of(WorkOrderState.COMPLETED, WorkOrderState.ANSWERED,
            WorkOrderState.SURVEYED);
    private final WorkOrderStore store;
    private final Tracker tracker;

    public Survey(WorkOrderStore store, Tracker tracker) {
        this.store = store;
        this.tracker = tracker;
    }

    /** What became of an answer. */
    public sealed interface Result {
        /** Recorded; the order is now in {@code state}. */
        record Recorded(WorkOrder workOrder) implements Result {
        }

        /** The order is not waiting for a survey answer (already answered, or not completed yet). */
        record NotAsked(WorkOrder workOrder) implements Result {
        }

        /** No such order, or it belongs to another caller. */
        record Unknown() implements Result {
        }
    }

    /** Records an answer from {@code callerNumber} for the order with {@code ticket} (or their latest one). */
    public Result answer(Optional<TicketNumber> ticket, String callerNumber, SurveyAnswer answer, Channel channel) {
        if (!answer.isAnswer()) {
            throw new IllegalArgumentException("no reply is not an answer a resident gives: " + answer);
        }
        String caller = PhoneNumbers.normalise(callerNumber);
        Optional<WorkOrder> order = ticket.isPresent()
                ? store.findByTicket(ticket.get()).filter(w -> w.callerNumber().equals(caller))
                : store.listByCaller(caller, 20).stream()
                        .filter(w -> OPEN.contains(w.state()) || escalationCutOff(w)).findFirst();
        if (order.isEmpty()) {
            return new Result.Unknown();
        }
        WorkOrder w = order.get();
        if (escalationCutOff(w)) {
            // A second 不满意 reopened the order, then the process died before its escalation: nothing else moves a
            // REOPENED order with no dispatch row but its respond-by deadline. The answer coming again finishes it.
            return new Result.Recorded(escalate(w, channel));
        }
        if (w.state() == WorkOrderState.SURVEYED) {
            // The answer was recorded, then the process died before its second move: the channel did not confirm
            // it, so the resident's answer comes again. The recorded answer counts; the order must not stay SURVEYED.
            return new Result.Recorded(settle(w, recorded(w).orElse(answer), channel));
        }
        if (!ASKED.contains(w.state())) {
            return new Result.NotAsked(w);
        }
        // The provider's score (and a 不满意's callback) are outbox rows of this move's transaction: they survive a
        // crash right after commit.
        tracker.move(w.id(), WorkOrderState.SURVEYED, "resident", channel, ANSWER_DETAILS + answer.zh(),
                x -> answer == SurveyAnswer.UNSATISFIED ? Stream.concat(SurveyScore.request(x, answer).stream(),
                        SurveyCallback.request(x).stream()).toList() : SurveyScore.request(x, answer));
        return new Result.Recorded(settle(w, answer, channel));
    }

    private Optional<SurveyAnswer> recorded(WorkOrder w) {
        return store.history(w.id()).reversed().stream().filter(e -> e.to() == WorkOrderState.SURVEYED)
                .findFirst().map(e -> e.details().substring(Math.min(e.details().length(), ANSWER_DETAILS.length())))
                .flatMap(SurveyAnswer::ofChinese);
    }

    /** The second half of an answer: satisfied closes, unsatisfied reopens (or escalates the second time). */
    private WorkOrder settle(WorkOrder w, SurveyAnswer answer, Channel channel) {
        WorkOrder after;
        if (answer != SurveyAnswer.UNSATISFIED) {
            after = tracker.move(w.id(), WorkOrderState.CLOSED, "resident", channel, "closed: " + answer.zh(),
                    x -> List.of());
        } else if (store.history(w.id()).stream().anyMatch(e -> e.to() == WorkOrderState.REOPENED)) {
            WorkOrder reopened = tracker.move(w.id(), WorkOrderState.REOPENED, "resident", channel, UNSATISFIED_AGAIN,
                    x -> List.of());
            after = escalate(reopened, channel);
        } else {
            after = tracker.move(w.id(), WorkOrderState.REOPENED, "resident", channel,
                    "unsatisfied: back to dispatch, a different provider first", Dispatch::request);
        }
        return after;
    }

    private WorkOrder escalate(WorkOrder w, Channel channel) {
        return tracker.move(w.id(), WorkOrderState.ESCALATED, "resident", channel, UNSATISFIED_TWICE, x -> List.of());
    }

    /**
     * Reopened by a second 不满意 and not moved since: the move into its current REOPENED state was that one (events
     * recorded without a move, such as a note, may follow it).
     */
    private boolean escalationCutOff(WorkOrder w) {
        if (w.state() != WorkOrderState.REOPENED) {
            return false;
        }
        return store.history(w.id()).reversed().stream()
                .filter(e -> e.from().filter(f -> f == WorkOrderState.REOPENED).isEmpty())
                .findFirst().map(e -> e.details().equals(UNSATISFIED_AGAIN)).orElse(false);
    }
}
