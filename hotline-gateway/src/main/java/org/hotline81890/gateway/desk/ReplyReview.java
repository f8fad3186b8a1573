package org.hotline81890.gateway.desk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.hotline81890.gateway.sms.HeldReplies;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.IllegalTransitionException;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * Use case: an agent decides a resident's held SMS reply (ADR 0024): records it as the survey answer of the order it
 * answers (不满意 reopens as an SMS "3" does), reopens that order without a survey answer, opens a new request from
 * it (what the text would have become without the hold, under the SMS's own key), or dismisses it with a note. The
 * order's own state guards each action, so the action runs first and the decision is marked after it: a crash in
 * between leaves the text waiting, and a second decision finds the order moved on.
 */
public final class ReplyReview {
    /** Longest note of a dismissal. */
    public static final int MAX_NOTE = 200;
    /** How the REOPENED event's details start; the resident's text follows. */
    public static final String REOPEN_DETAILS = "reopened by the agent on the resident's SMS reply (短信回复): ";
    private final HeldReplies held;
    private final WorkOrderStore store;
    private final Survey survey;
    private final Tracker tracker;
    private final Intake intake;
    private final Function<WorkOrder, List<OutboxMessage>> acknowledgement;
    private final Clock clock;

    public ReplyReview(HeldReplies held, WorkOrderStore store, Survey survey, Tracker tracker, Intake intake,
                       Function<WorkOrder, List<OutboxMessage>> acknowledgement, Clock clock) {
        this.held = held;
        this.store = store;
        this.survey = survey;
        this.tracker = tracker;
        this.intake = intake;
        this.acknowledgement = acknowledgement;
        this.clock = clock;
    }

    public List<HeldReply> waiting(int limit) {
        return held.waiting(Math.max(1, Math.min(limit, SmsReview.MAX_LIST)));
    }

    public int count() {
        return held.count();
    }

    /** The held text and the order it answers. */
    public Optional<Item> item(long id) {
        return held.find(id).flatMap(h -> store.find(h.workOrder()).map(w -> new Item(h, w)));
    }

    /** A held text with the order it answers, as the desk shows it. */
    public record Item(HeldReply reply, WorkOrder order) {
    }

    /** The text is the resident's survey answer: recorded as an SMS "1/2/3" would be. */
    public ReplyResult survey(long id, Optional<SurveyAnswer> answer, String agent) {
        if (answer.isEmpty() || !answer.get().isAnswer()) {
            return new ReplyResult.Refused("answer", "请选择满意、基本满意或不满意");
        }
        return decide(id, HeldReply.State.SURVEY, agent, Optional.of(answer.get().zh()), it ->
                switch (survey.answer(Optional.of(it.order().ticket()), it.reply().callerNumber(), answer.get(),
                        Channel.AGENT)) {
                    case Survey.Result.Recorded r -> new ReplyResult.Done(HeldReply.State.SURVEY, r.workOrder());
                    case Survey.Result.NotAsked n -> new ReplyResult.NotOpen(n.workOrder().state());
                    case Survey.Result.Unknown u -> new ReplyResult.NotFound();
                });
    }

    /** The order goes back to dispatch (a different provider first) without a survey answer. */
    public ReplyResult reopen(long id, String agent) {
        return decide(id, HeldReply.State.REOPENED, agent, Optional.empty(), it -> {
            WorkOrder w = it.order();
            if (!w.state().canMoveTo(WorkOrderState.REOPENED)) {
                return new ReplyResult.NotOpen(w.state());
            }
            if (w.serviceCode().isEmpty()) {
                return new ReplyResult.Refused("action", "该工单没有服务，无法重新派单，请转为新诉求");
            }
            try {
                return new ReplyResult.Done(HeldReply.State.REOPENED, tracker.move(w.id(), WorkOrderState.REOPENED,
                        agent, Channel.AGENT, REOPEN_DETAILS + it.reply().text(), Dispatch::request));
            } catch (IllegalTransitionException e) {
                return new ReplyResult.NotOpen(store.find(w.id()).map(WorkOrder::state).orElse(w.state()));
            }
        });
    }

    /** The text becomes the request it would have been without the hold (matched, or waiting in the inbox). */
    public ReplyResult newRequest(long id, String agent) {
        return decide(id, HeldReply.State.NEW_REQUEST, agent, Optional.empty(), it -> {
            HeldReply r = it.reply();
            IntakeRequest req = IntakeRequest.of(r.idempotencyKey(), Channel.SMS, r.callerNumber(), r.text())
                    .withAcknowledgement(acknowledgement);
            return switch (intake.receive(req)) {
                case IntakeResult.Accepted a -> new ReplyResult.Done(HeldReply.State.NEW_REQUEST, a.workOrder());
                case IntakeResult.Duplicate d -> new ReplyResult.Done(HeldReply.State.NEW_REQUEST, d.workOrder());
                case IntakeResult.Refused f -> new ReplyResult.Refused("action", f.reason());
            };
        });
    }

    /** Nothing to do for the order (a thank-you, a remark): kept with the agent's note. */
    public ReplyResult dismiss(long id, String note, String agent) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            return new ReplyResult.Refused("note", "请填写处理说明");
        }
        if (text.length() > MAX_NOTE) {
            return new ReplyResult.Refused("note", "说明不超过 " + MAX_NOTE + " 字");
        }
        return decide(id, HeldReply.State.DISMISSED, agent, Optional.of(text),
                it -> new ReplyResult.Done(HeldReply.State.DISMISSED, it.order()));
    }

    private ReplyResult decide(long id, HeldReply.State decision, String agent, Optional<String> note,
                               Function<Item, ReplyResult> action) {
        Optional<Item> found = item(id);
        if (found.isEmpty()) {
            return new ReplyResult.NotFound();
        }
        if (found.get().reply().state() != HeldReply.State.WAITING) {
            return new ReplyResult.Decided(found.get().reply().state());
        }
        ReplyResult result = action.apply(found.get());
        if (!(result instanceof ReplyResult.Done done)) {
            return result;
        }
        Optional<String> recorded = decision == HeldReply.State.NEW_REQUEST
                ? Optional.of(done.order().ticket().value()) : note;
        if (!held.decide(id, decision, agent, recorded, clock.instant())) {
            return new ReplyResult.Decided(held.find(id).map(HeldReply::state).orElse(decision));
        }
        return result;
    }
}
