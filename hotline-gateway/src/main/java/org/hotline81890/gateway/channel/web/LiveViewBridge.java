package org.hotline81890.gateway.channel.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.http.WorkOrderJson;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.WorkOrder;

/** Publishes committed work-order changes on the event bus for the live views (agents, supervisors). */
public final class LiveViewBridge implements EventPublisher {
    public static final String ADDRESS = "hotline.workorder.events";
    private final Vertx vertx;

    public LiveViewBridge(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void published(WorkOrder order, EventDraft event) {
        vertx.eventBus().publish(ADDRESS, new JsonObject()
                .put("workOrder", WorkOrderJson.of(order))
                .put("event", new JsonObject().put("actor", event.actor()).put("channel", event.channel().wire())
                        .put("to", event.to().name()).put("details", event.details())));
    }
}
