package org.hotline81890.gateway.channel.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.voice.AgentRings;

/** Rings on the (clusterable) event bus, so the node holding an agent's open desk pops the screen. */
public final class LiveRings implements AgentRings {
    public static final String ADDRESS = "hotline.agent.rings";
    private final Vertx vertx;

    public LiveRings(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void ringing(String iface, String uniqueId, String callerNumber) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("iface", iface).put("uniqueId", uniqueId)
                .put("caller", callerNumber == null ? "" : callerNumber).put("at", System.nanoTime()));
    }
}
