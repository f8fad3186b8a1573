package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.desk.CallerProfile;
import org.hotline81890.gateway.desk.CallerProfiles;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.PersonalDataView;
import org.hotline81890.gateway.people.PersonalDataViews;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * What the desk shows when a call rings: the ticket the FastAGI intake opened for this uniqueid with its priority,
 * the caller's full number, and their profile (earlier and open requests, last survey answer, care flags). Recorded
 * in the audit before it is read or shown.
 */
final class ScreenPop {
    private final WorkOrderStore store;
    private final CallerProfiles profiles;
    private final PersonalDataViews views;
    private final TicketViews tickets;

    ScreenPop(WorkOrderStore store, CallerProfiles profiles, PersonalDataViews views, TicketViews tickets) {
        this.store = store;
        this.profiles = profiles;
        this.views = views;
        this.tickets = tickets;
    }

    /** The template's variables for a ring of {@code uniqueId} from {@code caller}, seen by {@code agent}. */
    Map<String, Object> build(Person agent, String uniqueId, String caller) {
        Optional<WorkOrder> order = store.findByIdempotencyKey("phone:" + uniqueId);
        String number = order.map(WorkOrder::callerNumber).orElse(caller);
        views.record(agent, PersonalDataView.What.HISTORY, order.map(w -> Long.toString(w.id().value())),
                Optional.of(number));
        CallerProfile profile = profiles.of(number, order.map(WorkOrder::id));
        Map<String, Object> vars = new HashMap<>(order.map(tickets::form).orElseGet(Map::of));
        vars.put("serviceNames", tickets.serviceNames());
        vars.put("uniqueId", uniqueId);
        vars.put("caller", number);
        vars.put("order", order.orElse(null));
        vars.put("profile", profile);
        vars.put("history", profile.history());
        vars.put("open", profile.openOrders().size());
        return vars;
    }
}
