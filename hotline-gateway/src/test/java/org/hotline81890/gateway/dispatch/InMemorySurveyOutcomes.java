package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.kpi.SurveyAnswer;

/** {@link SurveyOutcomes} read from an in-memory {@link WorkOrderStore}'s history, with the MySQL adapter's rules. */
public final class InMemorySurveyOutcomes implements SurveyOutcomes {
    private final WorkOrderStore store;
    private final Set<WorkOrderId> offered = ConcurrentHashMap.newKeySet();

    public InMemorySurveyOutcomes(WorkOrderStore store) {
        this.store = store;
    }

    public void offered(WorkOrderId workOrder) {
        offered.add(workOrder);
    }

    private List<WorkOrder> everyOrder() {
        List<WorkOrder> all = new ArrayList<>();
        for (WorkOrderState s : WorkOrderState.values()) {
            all.addAll(store.listByState(s, Integer.MAX_VALUE));
        }
        return all;
    }

    private List<WorkOrderEvent> eventsSince(Instant since) {
        return everyOrder().stream().flatMap(w -> store.history(w.id()).stream())
                .filter(e -> !e.at().isBefore(since)).sorted(Comparator.comparingLong(WorkOrderEvent::sequence))
                .toList();
    }

    @Override
    public List<Answered> since(Instant since) {
        List<Answered> out = new ArrayList<>();
        for (WorkOrderEvent e : eventsSince(since)) {
            answer(e).forEach(a -> out.add(new Answered(Long.toString(e.workOrderId().value()), e.at(), a)));
        }
        return out;
    }

    private static List<SurveyAnswer> answer(WorkOrderEvent e) {
        if (e.to() == WorkOrderState.CLOSED) {
            return e.details().contains("no reply") ? List.of(SurveyAnswer.NO_REPLY) : List.of();
        }
        if (e.to() != WorkOrderState.SURVEYED || !e.details().contains("survey answer: ")) {
            return List.of();
        }
        return SurveyAnswer.ofChinese(e.details().substring(e.details().indexOf("survey answer: ") + 15))
                .filter(SurveyAnswer::isAnswer).stream().toList();
    }

    @Override
    public Map<String, Integer> escalatedWithoutOffer(Instant since) {
        Map<String, Integer> out = new TreeMap<>();
        eventsSince(since).stream().filter(e -> e.to() == WorkOrderState.ESCALATED)
                .map(WorkOrderEvent::workOrderId).distinct().filter(id -> !offered.contains(id))
                .forEach(id -> {
                    String code = store.find(id).flatMap(WorkOrder::serviceCode).orElse("");
                    out.merge(code.length() < 2 ? "-" : code.substring(0, 2), 1, Integer::sum);
                });
        return out;
    }
}
