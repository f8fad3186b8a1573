package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataView;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * What the desk shows when a call rings: the ticket the FastAGI intake opened for this uniqueid, the caller's full
 * number and their other requests. Recorded in the audit before it is shown.
 */
final class ScreenPop {
    private final WorkOrderStore store;
    private final PersonalDataViews views;
    private final TicketViews tickets;

    ScreenPop(WorkOrderStore store, PersonalDataViews views, TicketViews tickets) {
        this.store = store;
        this.views = views;
        this.tickets = tickets;
    }

    /** The template's variables for a ring of {@code uniqueId} from {@code caller}, seen by {@code agent}. */
    Map<String, Object> build(Person agent, String uniqueId, String caller) {
        Optional<WorkOrder> order = store.findByIdempotencyKey("phone:" + uniqueId);
        String number = order.map(WorkOrder::callerNumber).orElse(caller);
        views.record(agent, PersonalDataView.What.HISTORY, order.map(w -> Long.toString(w.id().value())),
                Optional.of(number));
        List<WorkOrder> history = number.isEmpty() ? List.of() : store.listByCaller(number, 10).stream()
                .filter(w -> order.isEmpty() || !w.id().equals(order.get().id())).toList();
        Map<String, Object> vars = new HashMap<>(order.map(tickets::form).orElseGet(Map::of));
        vars.put("serviceNames", tickets.serviceNames());
        vars.put("uniqueId", uniqueId);
        vars.put("caller", number);
        vars.put("order", order.orElse(null));
        vars.put("history", history);
        vars.put("open", history.stream().filter(w -> !closed(w.state())).count());
        return vars;
    }

    private static boolean closed(WorkOrderState s) {
        return s == WorkOrderState.CLOSED || s == WorkOrderState.CANCELLED || s == WorkOrderState.ANSWERED;
    }
}
