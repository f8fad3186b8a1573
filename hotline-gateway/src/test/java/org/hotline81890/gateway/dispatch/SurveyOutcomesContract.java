package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.gateway.workorder.WorkOrderStoreContract;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SurveyOutcomes} must do: read survey outcomes and escalations back from the work orders' history
 * as the use cases write it. Run on the in-memory fake and on MariaDB.
 */
public interface SurveyOutcomesContract {
    SurveyOutcomes outcomes();

    /** Where the use cases write the history the outcomes are read from. */
    WorkOrderStore store();

    /** Records that the work order had an offer (the partner network's offer store). */
    void offered(WorkOrderId workOrder);

    /** A new work order moved to {@code to} (through ANSWERED for a survey's end) with {@code details}. */
    private WorkOrder moved(WorkOrderState to, String details, Optional<String> service) {
        WorkOrder w = store().create(WorkOrderStoreContract.order("sms:" + UUID.randomUUID(), "13800001111"),
                WorkOrderStoreContract.received(), x -> List.of()).workOrder();
        if (to != WorkOrderState.ESCALATED) {
            step(w, WorkOrderState.ANSWERED, "answered at first contact", Optional.empty());
        }
        return step(w, to, details, service);
    }

    private WorkOrder step(WorkOrder w, WorkOrderState to, String details, Optional<String> service) {
        return store().update(w.id(), cur -> {
            WorkOrder next = service.map(s -> cur.withService(s, RequestType.HELP, Priority.NORMAL)).orElse(cur);
            return Optional.of(new WorkOrderStore.Change(next.withState(to, Instant.now()),
                    new EventDraft("survey", Channel.SMS, to, details), List.of()));
        });
    }

    @Test
    default void surveyAnswersAndUnansweredSurveysAreReadBackFromTheHistory() {
        Instant start = Instant.now().minusSeconds(2);
        WorkOrder satisfied = moved(WorkOrderState.SURVEYED, "survey answer: 满意", Optional.empty());
        WorkOrder unhappy = moved(WorkOrderState.SURVEYED, "survey answer: 不满意", Optional.empty());
        WorkOrder silent = moved(WorkOrderState.CLOSED, "survey: no reply within 24h", Optional.empty());
        WorkOrder cancelled = moved(WorkOrderState.CLOSED, "cancelled by the resident", Optional.empty());
        Set<String> mine = Set.of(id(satisfied), id(unhappy), id(silent), id(cancelled));

        List<SurveyOutcomes.Answered> read = outcomes().since(start).stream()
                .filter(a -> mine.contains(a.workOrder())).toList();
        assertThat(read).extracting(SurveyOutcomes.Answered::workOrder, SurveyOutcomes.Answered::answer)
                .containsExactlyInAnyOrder(
                        tuple(id(satisfied), SurveyAnswer.SATISFIED),
                        tuple(id(unhappy), SurveyAnswer.UNSATISFIED),
                        tuple(id(silent), SurveyAnswer.NO_REPLY));
        assertThat(outcomes().since(Instant.now().plusSeconds(3600))).as("nothing after now").isEmpty();
    }

    @Test
    default void escalationsWithoutAnyOfferAreCountedByCategory() {
        Instant start = Instant.now().minusSeconds(2);
        int before = outcomes().escalatedWithoutOffer(start).getOrDefault("HK", 0);
        moved(WorkOrderState.ESCALATED, "no provider", Optional.of("HK-01"));
        WorkOrder hadOffer = moved(WorkOrderState.ESCALATED, "offers exhausted", Optional.of("HK-02"));
        offered(hadOffer.id());

        assertThat(outcomes().escalatedWithoutOffer(start).getOrDefault("HK", 0)).isEqualTo(before + 1);
    }

    private static String id(WorkOrder w) {
        return Long.toString(w.id().value());
    }
}
