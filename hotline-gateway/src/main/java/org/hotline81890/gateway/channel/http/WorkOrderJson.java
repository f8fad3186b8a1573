package org.hotline81890.gateway.channel.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;

/** Work orders and their history as JSON for the admin API and live views. */
public final class WorkOrderJson {
    private WorkOrderJson() {
    }

    public static JsonObject of(WorkOrder w) {
        return new JsonObject()
                .put("id", w.id().value())
                .put("ticket", w.ticket().value())
                .put("channel", w.channel().wire())
                .put("callerNumber", w.callerNumber())
                .put("requestType", w.requestType().english())
                .put("text", w.text())
                .put("serviceCode", w.serviceCode().orElse(null))
                .put("area", area(w.area()))
                .put("priority", w.priority().wire())
                .put("state", w.state().name())
                .put("deadlines", new JsonObject()
                        .put("respondBy", time(w.deadlines().respondBy()))
                        .put("completeBy", time(w.deadlines().completeBy()))
                        .put("surveyAt", time(w.deadlines().surveyAt())))
                .put("createdAt", w.createdAt().toString())
                .put("updatedAt", w.updatedAt().toString())
                .put("version", w.version());
    }

    public static JsonObject withHistory(WorkOrder w, List<WorkOrderEvent> history) {
        JsonArray events = new JsonArray();
        history.forEach(e -> events.add(event(e)));
        return of(w).put("history", events);
    }

    public static JsonObject event(WorkOrderEvent e) {
        return new JsonObject()
                .put("at", e.at().toString())
                .put("actor", e.actor())
                .put("channel", e.channel().wire())
                .put("from", e.from().map(Enum::name).orElse(null))
                .put("to", e.to().name())
                .put("details", e.details());
    }

    private static JsonObject area(Area a) {
        return new JsonObject()
                .put("district", a.district().orElse(null))
                .put("street", a.street().orElse(null))
                .put("community", a.community().orElse(null))
                .put("grid", a.grid().orElse(null))
                .put("address", a.address().orElse(null));
    }

    private static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }
}
