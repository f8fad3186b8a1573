package org.hotline81890.gateway.channel.http;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import io.vertx.core.json.JsonObject;
import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.Priority;

/**
 * Translates an HTTP body into an {@link IntakeRequest}, naming the field of anything it cannot use. The limits are
 * the columns' (README, "HTTP"): callerNumber 32, text 4000, serviceCode 16, area's district/street/community/grid
 * 64 and address 255 characters.
 */
public final class IntakeBodies {
    static final int MAX_KEY = 255;
    private static final String PHONE = "\\+?[0-9][0-9 ()-]{1,30}";

    private IntakeBodies() {
    }

    /**
     * The request; {@code idempotencyKey} (the header) is scoped to {@code credential} and the request itself
     * ({@link RequestKeys}); without one every request is new.
     */
    public static IntakeRequest intake(JsonObject json, Optional<String> idempotencyKey, String credential,
                                       String actor, Predicate<String> knownService) {
        String caller = TextFields.required(json, "callerNumber", 32);
        if (!caller.matches(PHONE)) {
            throw new BadRequestException("callerNumber", "callerNumber must be a phone number: digits with an "
                    + "optional leading + (spaces, dashes and brackets allowed)");
        }
        String text = TextFields.optional(json, "text", IntakeRequest.MAX_TEXT).orElse("");
        Optional<String> service = TextFields.optional(json, "serviceCode", 16).filter(s -> !s.isEmpty());
        if (service.isPresent() && !knownService.test(service.get())) {
            throw new BadRequestException("serviceCode", "unknown serviceCode '" + service.get()
                    + "' (leave it out to let the directory match the text)");
        }
        if (text.isBlank() && service.isEmpty()) {
            throw new BadRequestException("text", "text is required unless a serviceCode is given");
        }
        Channel channel = parsed(json, "channel", Channel::ofWire).orElse(Channel.AGENT);
        Optional<RequestType> type = parsed(json, "requestType", RequestType::parse);
        Optional<Priority> priority = parsed(json, "priority", Priority::ofWire);
        Area area = area(json);
        IntakeRequest request;
        try {
            request = new IntakeRequest("http-auto:" + UUID.randomUUID(), channel, caller, text, type, service,
                    priority, area, actor, wo -> java.util.List.of());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("callerNumber", e.getMessage());
        }
        if (idempotencyKey.isEmpty()) {
            return request;
        }
        String key = idempotencyKey.get();
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new BadRequestException("Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_KEY
                    + " printable ASCII characters");
        }
        return new IntakeRequest(RequestKeys.full(credential, key, request), channel, caller, text, type, service,
                priority, area, actor, wo -> java.util.List.of());
    }

    private static Area area(JsonObject json) {
        Object raw = json.getValue("area");
        if (raw == null) {
            return Area.UNKNOWN;
        }
        if (!(raw instanceof JsonObject a)) {
            throw new BadRequestException("area", "must be an object with district, street, community, grid, address");
        }
        return new Area(TextFields.optional(a, "district", 64), TextFields.optional(a, "street", 64),
                TextFields.optional(a, "community", 64), TextFields.optional(a, "grid", 64),
                TextFields.optional(a, "address", 255));
    }

    private static <T> Optional<T> parsed(JsonObject json, String field, Function<String, T> parser) {
        Optional<String> raw = TextFields.optional(json, field, 64);
        try {
            return raw.map(parser);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, e.getMessage());
        }
    }
}
