package org.hotline81890.gateway.workorder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Use case: follows a work order to the end. Every state change goes through {@link #move}; deadlines fired by the
 * scheduler come in through {@link #onDeadline}, which is idempotent (a deadline that no longer matters is a no-op).
 */
public final class Tracker {
    private static final Set<WorkOrderState> NOT_YET_TAKEN = EnumSet.of(WorkOrderState.RECEIVED,
            WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.REOPENED);
    private static final Set<WorkOrderState> NOT_YET_DONE = EnumSet.of(WorkOrderState.RECEIVED,
            WorkOrderState.MATCHED, WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.REOPENED);
    private static final Set<WorkOrderState> AWAITING_SURVEY = EnumSet.of(WorkOrderState.COMPLETED,
            WorkOrderState.ANSWERED);

    /** Why an order nobody placed (still RECEIVED) is escalated at its respond-by (sla.respond-within for texts). */
    public static final String UNPLACED = "no agent placed the request before the respond-by deadline";
    /**
     * Why an order awaiting its survey is escalated when the resident's answer in words, held for an agent, was not
     * decided within smpp.reply-hold.decide-within (ADR 0049).
     */
    public static final String REPLY_UNDECIDED = "the resident's SMS reply held for an agent was not decided in time";
    private final WorkOrderStore store;
    private final ServiceLevels levels;
    private final EventPublisher publisher;
    private final Clock clock;

    public Tracker(WorkOrderStore store, ServiceLevels levels, EventPublisher publisher, Clock clock) {
        this.store = store;
        this.levels = levels;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Moves the order to {@code to}, or throws {@link IllegalTransitionException}. */
    public WorkOrder move(WorkOrderId id, WorkOrderState to, String actor, Channel channel, String details,
                          Function<WorkOrder, List<OutboxMessage>> effects) {
        return move(id, to, actor, channel, details, UnaryOperator.identity(), effects);
    }

    /**
     * Moves the order to {@code to} with {@code edit}'s changes to the row (an agent's classification) in the same
     * transaction; {@code effects} sees the edited, moved order.
     */
    public WorkOrder move(WorkOrderId id, WorkOrderState to, String actor, Channel channel, String details,
                          UnaryOperator<WorkOrder> edit, Function<WorkOrder, List<OutboxMessage>> effects) {
        EventDraft event = new EventDraft(actor, channel, to, details);
        WorkOrder after = store.update(id, current -> Optional.of(change(current, event, edit, effects)));
        store.afterCommit(() -> publisher.published(after, event));
        return after;
    }

    /**
     * Records what happened to an order without changing its state (a provider on the way, an address given by the
     * resident): one event in the history, {@code edit}'s changes to the row, and {@code effects}' outbox rows, in
     * one transaction, then the live view hears of it.
     */
    public WorkOrder record(WorkOrderId id, String actor, Channel channel, String details,
                            UnaryOperator<WorkOrder> edit, Function<WorkOrder, List<OutboxMessage>> effects) {
        EventDraft[] applied = new EventDraft[1];
        WorkOrder after = store.update(id, current -> {
            EventDraft event = new EventDraft(actor, channel, current.state(), details);
            applied[0] = event;
            WorkOrder next = edit.apply(current);
            return Optional.of(new WorkOrderStore.Change(next, event, effects.apply(next)));
        });
        store.afterCommit(() -> publisher.published(after, applied[0]));
        return after;
    }

    private WorkOrderStore.Change change(WorkOrder current, EventDraft event,
                                         Function<WorkOrder, List<OutboxMessage>> effects) {
        return change(current, event, UnaryOperator.identity(), effects);
    }

    private WorkOrderStore.Change change(WorkOrder current, EventDraft event, UnaryOperator<WorkOrder> edit,
                                         Function<WorkOrder, List<OutboxMessage>> effects) {
        Instant now = clock.instant();
        WorkOrder next = edit.apply(current.withState(event.to(), now));
        if (AWAITING_SURVEY.contains(event.to())) {
            next = next.withDeadlines(next.deadlines().withSurveyAt(now.plus(levels.surveyWait())));
        }
        List<OutboxMessage> rows = new ArrayList<>(effects.apply(next));
        rows.addAll(OfferWithdrawal.request(next, event.details()));
        return new WorkOrderStore.Change(next, event, List.copyOf(rows));
    }

    /** A deadline fired. Returns the order if it changed, empty if the deadline no longer mattered. */
    public Optional<WorkOrder> onDeadline(WorkOrderId id, DeadlineKind kind) {
        return fire(id, current -> decide(current, kind));
    }

    /**
     * The survey wait found the resident's held answer undecided past the agent's deadline (ADR 0049): an order still
     * awaiting its survey goes to the supervisors (督办); any other is left as it is (empty).
     */
    public Optional<WorkOrder> onReplyUndecided(WorkOrderId id) {
        return fire(id, current -> AWAITING_SURVEY.contains(current.state())
                ? Optional.of(escalation(REPLY_UNDECIDED)) : Optional.empty());
    }

    private Optional<WorkOrder> fire(WorkOrderId id, Function<WorkOrder, Optional<EventDraft>> decision) {
        EventDraft[] applied = new EventDraft[1];
        WorkOrder after = store.update(id, current -> decision.apply(current).map(event -> {
            applied[0] = event;
            return change(current, event, wo -> List.of());
        }));
        if (applied[0] == null) {
            return Optional.empty();
        }
        EventDraft event = applied[0];
        store.afterCommit(() -> publisher.published(after, event));
        return Optional.of(after);
    }

    private static Optional<EventDraft> decide(WorkOrder current, DeadlineKind kind) {
        WorkOrderState s = current.state();
        return switch (kind) {
            // RECEIVED: nobody placed it (a text the matcher left to the agents' SMS inbox, a call without a ticket
            // form): "found within 24 hours" — it goes to the supervisors rather than wait for ever.
            case RESPOND_BY -> s == WorkOrderState.RECEIVED
                    ? Optional.of(escalation(UNPLACED))
                    : NOT_YET_TAKEN.contains(s)
                    ? Optional.of(escalation("no provider took the job before the respond-by deadline"))
                    : Optional.empty();
            case COMPLETE_BY -> NOT_YET_DONE.contains(s)
                    ? Optional.of(escalation("not completed before the complete-by deadline"))
                    : Optional.empty();
            case SURVEY_AT -> AWAITING_SURVEY.contains(s)
                    ? Optional.of(new EventDraft("scheduler", Channel.SYSTEM, WorkOrderState.CLOSED,
                            "closed: no reply to the satisfaction survey"))
                    : Optional.empty();
        };
    }

    private static EventDraft escalation(String why) {
        return new EventDraft("scheduler", Channel.SYSTEM, WorkOrderState.ESCALATED, "escalated (督办): " + why);
    }
}
