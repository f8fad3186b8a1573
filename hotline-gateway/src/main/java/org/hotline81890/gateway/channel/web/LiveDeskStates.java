package org.hotline81890.gateway.channel.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.voice.DeskStates;

/** A state the telephony system put an agent in, on the (clusterable) event bus to the node holding their desk. */
public final class LiveDeskStates implements DeskStates {
    public static final String ADDRESS = "hotline.agent.states";
    private final Vertx vertx;

    public LiveDeskStates(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void changed(String extension, Shown shown) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("extension", extension)
                .put("state", shown.state().name()).put("reason", shown.reason())
                .put("since", shown.since().toEpochMilli())
                .put("until", shown.until().map(java.time.Instant::toEpochMilli).orElse(0L)));
    }
}
