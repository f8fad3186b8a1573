package org.hotline81890.gateway.channel.http;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.Priority;

/** Translates an HTTP body into an {@link IntakeRequest}, naming the field of anything it cannot use. */
public final class IntakeBodies {
    private IntakeBodies() {
    }

    public static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("body", "a JSON object is required");
        }
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new BadRequestException("body", "not a JSON object: " + firstLine(e.getMessage()));
        }
    }

    public static IntakeRequest intake(JsonObject json, Optional<String> idempotencyKey, String actor) {
        String caller = requiredText(json, "callerNumber", 32);
        String text = optionalText(json, "text", IntakeRequest.MAX_TEXT).orElse("");
        Optional<String> service = optionalText(json, "serviceCode", 16);
        if (text.isBlank() && service.isEmpty()) {
            throw new BadRequestException("text", "text is required unless a serviceCode is given");
        }
        Channel channel = parsed(json, "channel", Channel::ofWire).orElse(Channel.AGENT);
        Optional<RequestType> type = parsed(json, "requestType", RequestType::parse);
        Optional<Priority> priority = parsed(json, "priority", Priority::ofWire);
        Area area = area(json);
        String key = idempotencyKey.map(k -> {
            if (k.length() > 150) {
                throw new BadRequestException("Idempotency-Key", "longer than 150 characters");
            }
            return "http:" + k;
        }).orElse("http-auto:" + UUID.randomUUID());
        try {
            return new IntakeRequest(key, channel, caller, text, type, service, priority, area, actor,
                    wo -> java.util.List.of());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("callerNumber", e.getMessage());
        }
    }

    private static Area area(JsonObject json) {
        Object raw = json.getValue("area");
        if (raw == null) {
            return Area.UNKNOWN;
        }
        if (!(raw instanceof JsonObject a)) {
            throw new BadRequestException("area", "must be an object with district, street, community, grid, address");
        }
        try {
            return new Area(optionalText(a, "district", 64), optionalText(a, "street", 64),
                    optionalText(a, "community", 64), optionalText(a, "grid", 64), optionalText(a, "address", 255));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("area", e.getMessage());
        }
    }

    private static <T> Optional<T> parsed(JsonObject json, String field, Function<String, T> parser) {
        Optional<String> raw = optionalText(json, field, 64);
        try {
            return raw.map(parser);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, e.getMessage());
        }
    }

    static String requiredText(JsonObject json, String field, int max) {
        return optionalText(json, field, max).filter(s -> !s.isBlank())
                .orElseThrow(() -> new BadRequestException(field, field + " is required"));
    }

    static Optional<String> optionalText(JsonObject json, String field, int max) {
        Object v = json.getValue(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new BadRequestException(field, field + " must be a string");
        }
        if (s.length() > max) {
            throw new BadRequestException(field, field + " is longer than " + max + " characters");
        }
        return Optional.of(s.strip());
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
