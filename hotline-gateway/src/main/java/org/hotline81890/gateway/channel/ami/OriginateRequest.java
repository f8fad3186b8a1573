package org.hotline81890.gateway.channel.ami;

import java.util.Objects;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * The payload of an outbox row of kind {@code originate}: what to call and why. JSON
 * {@code {"purpose":"survey"|"click-to-call","number":"...","ticket":"...","agent":"PJSIP/1001"}}; the row's
 * destination is the resident's number. {@code survey} calls the resident and runs {@code agi://HOST/survey};
 * {@code click-to-call} rings the agent's phone first, then dials the resident; {@code bridge} rings the provider's
 * phone (through the callback channel) and then dials the resident from ami.bridge-context, both showing 81890, so
 * a provider reaches the resident without ever seeing the number (隐私号).
 */
public record OriginateRequest(Purpose purpose, String number, Optional<String> ticket, Optional<String> agent) {

    public enum Purpose { SURVEY, CLICK_TO_CALL, BRIDGE }

    public OriginateRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(agent, "agent");
        if (number == null || !number.matches("[0-9+]{3,32}")) {
            throw new IllegalArgumentException("originate number must be 3..32 digits: " + number);
        }
        if (purpose == Purpose.CLICK_TO_CALL && agent.isEmpty()) {
            throw new IllegalArgumentException("click-to-call needs the agent's channel");
        }
        if (purpose == Purpose.BRIDGE && (agent.isEmpty() || !agent.get().matches("[0-9+]{3,32}"))) {
            throw new IllegalArgumentException("a bridged call needs the provider's number");
        }
    }

    /** The satisfaction callback for a completed order; one per order version, so a retry is the same row. */
    public static OutboxMessage surveyCallback(WorkOrder w) {
        OriginateRequest r = new OriginateRequest(Purpose.SURVEY, w.callerNumber(), Optional.of(w.ticket().value()),
                Optional.empty());
        return new OutboxMessage(OutboxMessage.ORIGINATE, w.callerNumber(), r.toJson(),
                "originate:survey:" + w.id().value() + ":" + w.version());
    }

    /** An agent's click-to-call; {@code requestId} is the agent UI's idempotency key. */
    public static OutboxMessage clickToCall(String agentChannel, String number, Optional<String> ticket,
                                            String requestId) {
        OriginateRequest r = new OriginateRequest(Purpose.CLICK_TO_CALL, number, ticket, Optional.of(agentChannel));
        return new OutboxMessage(OutboxMessage.ORIGINATE, number, r.toJson(), "originate:click:" + requestId);
    }

    /**
     * A provider's call to the resident bridged through the hotline: {@code provider} (its number) rings first;
     * {@code requestId} tells presses apart (each press calls again; a retried row is the same call).
     */
    public static OutboxMessage bridge(String provider, WorkOrder w, String requestId) {
        OriginateRequest r = new OriginateRequest(Purpose.BRIDGE, w.callerNumber(), Optional.of(w.ticket().value()),
                Optional.of(provider));
        return new OutboxMessage(OutboxMessage.ORIGINATE, w.callerNumber(), r.toJson(), "originate:bridge:"
                + requestId);
    }

    public String toJson() {
        JsonObject j = new JsonObject().put("purpose", switch (purpose) {
            case SURVEY -> "survey";
            case CLICK_TO_CALL -> "click-to-call";
            case BRIDGE -> "bridge";
        }).put("number", number);
        ticket.ifPresent(t -> j.put("ticket", t));
        agent.ifPresent(a -> j.put("agent", a));
        return j.encode();
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
