package org.hotline81890.gateway.channel.ami;

import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.voice.OriginateRequest;
import org.hotline81890.gateway.voice.OriginateRequest.Purpose;

/** Reads the payload of an outbox row of kind {@code originate} ({@link OriginateRequest#toJson}). */
public final class OriginatePayload {
    private OriginatePayload() {
    }

    public static OriginateRequest parse(String payload) {
        JsonObject j = new JsonObject(payload);
        Purpose p = switch (j.getString("purpose", "")) {
            case "survey" -> Purpose.SURVEY;
            case "click-to-call" -> Purpose.CLICK_TO_CALL;
            case "bridge" -> Purpose.BRIDGE;
            default -> throw new IllegalArgumentException("unknown originate purpose: " + j.getString("purpose"));
        };
        return new OriginateRequest(p, j.getString("number"), Optional.ofNullable(j.getString("ticket")),
                Optional.ofNullable(j.getString("agent")));
    }
}
